// Cache > CacheManager: the entries and activity e2e/support/seed-cache.ts wrote before the
// server started (day-long TTLs, fixed hit counts, activity three hours back) are shown as hit
// rate per hour, per-prefix counts, size, top keys and TTLs; an admin purges one key, a prefix
// and a tag by keyboard and the entries are gone after a reload; axe finds nothing in en and ar.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { CACHE_ENTRIES } from './support/cache-fixture';
import { exactly, messages } from './support/messages';
import { heading, signIn } from './support/session';

test.describe.configure({ mode: 'serial' });

const m = messages.en.cacheManager;
const topKeys = (page: Page) => page.getByRole('table', { name: m.topKeys.title });
const keyRow = (page: Page, key: string) => topKeys(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: key, exact: true }) });

/** Picks the purge kind with the arrow keys, types the value, submits with Enter. */
async function purgeByKeyboard(page: Page, kind: 'key' | 'prefix' | 'tag', value: string, removed: number) {
  const select = page.getByLabel(m.purge.kind, { exact: true });
  await select.focus();
  await page.keyboard.press('Home');
  await expect(select).toHaveValue('key');
  for (let i = 0; i < ['key', 'prefix', 'tag'].indexOf(kind); i++) await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue(kind);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(m.purge.value, { exact: true })).toBeFocused();
  await page.keyboard.type(value);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: exactly(m.purge.submit) })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: m.purge.done.replace('{count}', String(removed)) })).toBeVisible();
}

test('the CacheManager shows the seeded entries and activity, and purges a key, a prefix and a tag by keyboard', async ({ page }) => {
  await signIn(page, 'en', ADMIN);
  await page.goto('/en/cache');
  await expect(heading(page, messages.en.nav.cache)).toBeVisible();

  await test.step('size and store', async () => {
    const summary = page.locator('dl').first();
    await expect(summary.getByRole('definition').first()).toHaveText(/^\d[\d,]*$/);
    await expect(summary).toContainText(m.summary.stores.postgres);
    await expect(summary.getByRole('definition').nth(1)).toHaveText(/^\d[\d.,]* KiB$/);
  });

  await test.step('top keys with hits and TTL, most used first', async () => {
    const rows = topKeys(page).getByRole('row');
    await expect(rows.nth(1).getByRole('rowheader')).toHaveText('e2e-report:monthly');
    for (const entry of CACHE_ENTRIES) {
      const cells = keyRow(page, entry.key).getByRole('cell');
      await expect(cells.nth(0)).toHaveText(entry.hits.toLocaleString('en-US'));
      await expect(cells.nth(1)).toHaveText(/^86,?400 s$/);
      await expect(cells.nth(2).locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
    }
  });

  await test.step('hits, misses and evictions per key prefix', async () => {
    const table = page.getByRole('table', { name: m.prefixes.title });
    const report = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'e2e-report', exact: true }) });
    await expect(report.getByRole('cell')).toHaveText(['300', '60', '40', '7', '90%']);
    const ai = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'e2e-ai', exact: true }) });
    await expect(ai.getByRole('cell')).toHaveText(['50', '0', '50', '0', '50%']);
  });

  await test.step('hit rate over time, as a table by keyboard', async () => {
    const toggle = page.getByRole('button', { name: exactly(messages.en.health.charts.showTable) });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const table = page.getByRole('table', { name: m.chart.title });
    await expect(table).toBeVisible();
    // Three hours back: 300 local + 60 shared hits of the report prefix, 50 of the ai prefix; 90 misses.
    const hour = table.getByRole('row').filter({ has: page.getByRole('cell', { name: '410', exact: true }) });
    await expect(hour.getByRole('cell')).toHaveText(['410', '90', '82%']);
    await expectAxeClean(page);
  });

  await test.step('purge one key', async () => {
    await purgeByKeyboard(page, 'key', 'e2e-single:only', 1);
    await page.reload();
    await expect(keyRow(page, 'e2e-report:monthly')).toBeVisible();
    await expect(keyRow(page, 'e2e-single:only')).toHaveCount(0);
    await expect(keyRow(page, 'e2e-ai:gpt:one')).toBeVisible();
  });

  await test.step('purge a prefix', async () => {
    await purgeByKeyboard(page, 'prefix', 'e2e-ai:', 2);
    await page.reload();
    await expect(keyRow(page, 'e2e-report:monthly')).toBeVisible();
    await expect(keyRow(page, 'e2e-ai:gpt:one')).toHaveCount(0);
    await expect(keyRow(page, 'e2e-ai:gpt:two')).toHaveCount(0);
  });

  await test.step('purge a tag', async () => {
    await purgeByKeyboard(page, 'tag', 'e2e-reports', 2);
    await expectAxeClean(page);
    await page.reload();
    await expect(heading(page, messages.en.nav.cache)).toBeVisible();
    await expect(keyRow(page, 'e2e-report:monthly')).toHaveCount(0);
    await expect(keyRow(page, 'e2e-report:weekly')).toHaveCount(0);
  });
});

test('the CacheManager passes axe in Arabic', async ({ page }) => {
  await signIn(page, 'en', ADMIN);
  await page.goto('/ar/cache');
  await expect(heading(page, messages.ar.nav.cache)).toBeVisible();
  await expectAxeClean(page);
});
