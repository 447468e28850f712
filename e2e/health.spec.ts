// System health with the demo metrics e2e/support/serve.mjs seeds before the server starts:
// the dashboard in en and ar, the range switch by keyboard alone, the "Show as table" figures
// against the seeded ones (recomputed here from lib/health-dashboard/demo-data.ts), live
// refresh with pause and resume, and axe on every state.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatMs, formatNumber, formatRatio, intlFormatter } from '../components/health/format';
import { DEMO_LATENCY, demoHourDirect, mergeDemoCells, type DemoCell } from '../lib/health-dashboard/demo-data';
import { sketchPercentiles } from '../lib/metrics/sketch';
import { ADMIN } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { exactly, messages, rendered, type Locale } from './support/messages';
import { expectHtmlLocale, heading, signIn } from './support/session';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function openHealth(page: Page, locale: Locale, range?: string) {
  await signIn(page, locale, ADMIN);
  await page.goto(`/${locale}/health${range ? `?range=${range}` : ''}`);
  await expect(heading(page, messages[locale].nav.health)).toBeVisible();
}

/** A chart by its title (its accessible name is the caption: title, then what it shows). */
function figure(page: Page, locale: Locale, chart: 'latency' | 'errorRate' | 'throughput'): Locator {
  return page.getByRole('figure', { name: new RegExp(`^${rendered(messages[locale].health.charts[chart].title).source}`) });
}

async function showTable(chart: Locator, locale: Locale): Promise<Locator> {
  const toggle = chart.getByRole('button', { name: exactly(messages[locale].health.charts.showTable) });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const table = chart.getByRole('table');
  await expect(table).toBeVisible();
  return table;
}

/** The requests of one UTC day as the demo seed wrote them (days older than its minute rollups). */
function demoDay(start: number): DemoCell {
  const day: DemoCell = { count: 0, errors: 0, sum: 0, min: Infinity, max: -Infinity, sketch: {}, lastErrorClass: null };
  for (const series of DEMO_LATENCY.filter((s) => s.metricType === 'api_response_time')) {
    for (let hour = start; hour < start + DAY; hour += HOUR) mergeDemoCells(day, demoHourDirect(series, hour));
  }
  return day;
}

/** Each table row as { at, cells }, `at` from the row header's <time datetime>. */
async function tableRows(table: Locator) {
  const rows = await table.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => ({
      at: Date.parse((await row.locator('th time').getAttribute('datetime')) ?? ''),
      cells: (await row.locator('td').allInnerTexts()).map((text) => text.trim()),
    })),
  );
}

for (const locale of ['en', 'ar'] as const) {
  const m = messages[locale];
  const h = m.health;

  test(`the dashboard shows the seeded metrics (${locale})`, async ({ page }) => {
    await openHealth(page, locale, '24h');
    await expectHtmlLocale(page, locale);

    await test.step('headline figures, each compared with the previous 24 hours in words', async () => {
      const tiles = page.getByRole('region', { name: rendered(h.tiles.heading) });
      for (const name of ['p95LatencyMs', 'errorRate', 'throughputPerS', 'dbRoundTripMs', 'memoryRssBytes', 'cpuPercent'] as const) {
        const tile = tiles.locator(`[data-tile="${name}"]`);
        await expect(tile.getByRole('term')).toContainText(h.tiles.names[name]);
        await expect(tile.getByRole('definition').first()).not.toHaveText(h.tiles.noData);
        await expect(tile.getByRole('definition').nth(1)).toContainText(h.change.period['24h']);
      }
    });

    await test.step('three charts, each a figure with a caption and its own legend', async () => {
      for (const chart of ['latency', 'errorRate', 'throughput'] as const) {
        const fig = figure(page, locale, chart);
        await expect(fig).toBeVisible();
        await expect(fig.getByRole('list', { name: exactly(h.charts.legend) })).toBeVisible();
      }
      await expect(figure(page, locale, 'latency')).toContainText(h.charts.latency.p99);
    });

    await test.step('every endpoint and job, and the database panel', async () => {
      const endpoints = page.getByRole('table', { name: exactly(h.endpoints.heading) });
      for (const series of DEMO_LATENCY.filter((s) => s.callsPerMinute >= 1)) {
        await expect(endpoints.getByRole('rowheader', { name: series.endpoint, exact: true })).toBeVisible();
      }
      await expect(endpoints.getByRole('row', { name: /POST \/api\/v1\/metrics/ })).toContainText(h.endpoints.kinds.route);
      const database = page.locator('section[aria-labelledby="health-database-heading"]');
      await expect(database.getByRole('heading', { name: exactly(h.database.heading) })).toBeVisible();
      if (!process.env.E2E_DATABASE_URL) await expect(database.locator('[data-reading="cacheHitRatio"]')).toContainText(h.database.unavailable);
    });

    await test.step('no axe violations, with every table open', async () => {
      for (const chart of ['latency', 'errorRate', 'throughput'] as const) await showTable(figure(page, locale, chart), locale);
      await expectAxeClean(page);
    });
  });
}

test('the time range is switched with the keyboard alone, and the address keeps it', async ({ page }) => {
  const h = messages.en.health;
  await openHealth(page, 'en');
  const ranges = page.getByRole('navigation', { name: exactly(h.range.label) });
  await expect(ranges.getByRole('link', { name: exactly(h.range.options['1h']) })).toHaveAttribute('aria-current', 'true');

  // Tab from the top of the page to the "7 days" link, then Enter.
  const sevenDays = ranges.getByRole('link', { name: exactly(h.range.options['7d']) });
  for (let i = 0; i < 60 && !(await sevenDays.evaluate((link) => link === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(sevenDays).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/health\?range=7d$/);
  await expect(sevenDays).toHaveAttribute('aria-current', 'true');
  await expect(figure(page, 'en', 'latency')).toContainText(h.charts.step['7d']);

  // Back one link (24 hours) with Shift+Tab; focus stayed on the link through the navigation.
  await expect(sevenDays).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/health\?range=24h$/);
  await expect(figure(page, 'en', 'latency')).toContainText(h.charts.step['24h']);

  // The address alone opens the same view.
  await page.goto('/en/health?range=7d');
  await expect(sevenDays).toHaveAttribute('aria-current', 'true');
  await expectAxeClean(page);
});

test('"Show as table" lists the same figures as the seeded metrics', async ({ page }) => {
  const h = messages.en.health;
  const fmt = intlFormatter('en');
  await openHealth(page, 'en', '30d');
  const now = Date.now();
  // Days wholly older than the seed's minute rollups (its last day): hourly rollups only.
  const settled = (at: number) => at + DAY <= now - 2 * DAY;

  const latency = await tableRows(await showTable(figure(page, 'en', 'latency'), 'en'));
  const errors = await tableRows(await showTable(figure(page, 'en', 'errorRate'), 'en'));
  const throughput = await tableRows(await showTable(figure(page, 'en', 'throughput'), 'en'));
  expect(latency).toHaveLength(30);
  const checked = latency.filter((row) => settled(row.at));
  expect(checked.length).toBeGreaterThanOrEqual(25);

  for (const row of checked) {
    const day = demoDay(row.at);
    const { p50, p95, p99 } = sketchPercentiles(day.sketch);
    const when = new Date(row.at).toISOString();
    expect(row.cells, `latency ${when}`).toEqual([formatMs(fmt, p50!), formatMs(fmt, p95!), formatMs(fmt, p99!)]);
    const errorRow = errors.find((r) => r.at === row.at)!;
    expect(errorRow.cells, `error rate ${when}`).toEqual([
      fmt(day.count, { maximumFractionDigits: 0 }),
      fmt(day.errors, { maximumFractionDigits: 0 }),
      formatRatio(fmt, day.errors / day.count),
    ]);
    const throughputRow = throughput.find((r) => r.at === row.at)!;
    expect(throughputRow.cells, `throughput ${when}`).toEqual([fmt(day.count, { maximumFractionDigits: 0 }), formatNumber(fmt, day.count / 86_400)]);
  }
  await expect(page.getByRole('button', { name: exactly(h.charts.showTable), expanded: true })).toHaveCount(3);
  await expectAxeClean(page);
});

test('live refresh updates without reloading, pauses and resumes', async ({ page }) => {
  const h = messages.en.health;
  await openHealth(page, 'en', '15m');
  const updated = page.getByTestId('health-updated-at');
  const pause = page.getByRole('button', { name: exactly(h.live.pause) });
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  // A full reload would lose this.
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));

  const first = await updated.innerText();
  await expect(updated).not.toHaveText(first, { timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  // Ten seconds after load is too soon to speak: the polite live region stays quiet.
  await expect(page.getByRole('status').filter({ hasText: rendered(h.live.announcement) })).toHaveCount(0);

  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(exactly(h.live.paused))).toBeVisible();
  const paused = await updated.innerText();
  await page.waitForTimeout(12_000);
  await expect(updated).toHaveText(paused);

  await pause.press('Enter');
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  await expect(updated).not.toHaveText(paused, { timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expectAxeClean(page);
});
