// Analytics: demo events arrive through POST /api/v1/events, the admin runs the aggregator and the
// churn training from the Jobs page, and an analyst reads every view in ja with JPY and in de with
// EUR (axe clean), opens a chart's data table, exports a CSV, builds and saves a funnel by keyboard,
// and cannot open Settings.
import { expect, test, type Page } from '@playwright/test';
import { generateDemoData } from '../lib/analytics/demo';
import { ADMIN, ANALYST } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { exactly, messages, rendered, type Locale } from './support/messages';
import { signIn } from './support/session';
import { createUser } from './support/users';

test.describe.configure({ mode: 'serial' });

const VIEWS = [
  ['revenue', ''],
  ['engagement', '/engagement'],
  ['plugins', '/plugins'],
  ['funnels', '/funnels'],
  ['churn', '/churn'],
  ['ai', '/ai'],
] as const;

async function createEventsKey(page: Page): Promise<string> {
  const m = messages.en.apiKeys;
  await page.goto('/en/settings/api-keys');
  await page.getByLabel(m.name, { exact: true }).fill('E2E analytics');
  await page.getByRole('group', { name: m.scopes }).getByRole('checkbox', { name: /events:write/ }).check();
  await page.getByRole('button', { name: exactly(m.submit) }).click();
  const secret = page.getByLabel(rendered(m.secretLabel));
  await expect(secret).toBeFocused();
  return secret.inputValue();
}

async function runJob(page: Page, jobId: string) {
  const m = messages.en.jobs;
  await page.goto('/en/jobs');
  const names: Record<string, string> = m.names;
  const button = page.getByRole('button', { name: m.runNow.replace('{job}', names[jobId] ?? jobId) });
  await button.click();
  await expect(page.getByRole('status').filter({ hasText: m.ranNow })).toBeVisible({ timeout: 60_000 });
}

async function setPreferences(page: Page, from: Locale, to: Locale, currency: string) {
  const m = messages[from].profile;
  await page.goto(`/${from}/profile`);
  await page.getByLabel(m.displayCurrency, { exact: true }).selectOption(currency);
  await page.getByLabel(m.locale, { exact: true }).selectOption(to);
  await page.getByRole('button', { name: exactly(m.save) }).click();
  await expect(page).toHaveURL(new RegExp(`/${to}/profile`));
}

async function readEveryView(page: Page, locale: Locale, currencySymbol: RegExp) {
  const t = messages[locale].analytics;
  for (const [view, path] of VIEWS) {
    await page.goto(`/${locale}/analytics${path}?range=90d`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(t.tabs[view]);
    await expect(page.getByRole('navigation', { name: t.tabs.label }).getByRole('link', { name: t.tabs[view] })).toHaveAttribute('aria-current', 'page');
    if (view === 'revenue') await expect(page.getByText(currencySymbol).first()).toBeVisible();
    await expectAxeClean(page);
  }
}

test('an analyst reads every analytics view in ja/JPY and de/EUR, opens a table, exports CSV and saves a funnel by keyboard', async ({ page, browser, request }) => {
  test.setTimeout(300_000);
  await signIn(page, 'en', ADMIN);
  await createUser(page, { ...ANALYST, role: 'analyst' });

  await test.step('demo events arrive through the API, and a repeated batch is stored once', async () => {
    const key = await createEventsKey(page);
    // Ends yesterday: a whole day of today's events would lie in the future (refused).
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const { events } = generateDemoData({ end: yesterday, users: 120 });
    for (let i = 0; i < events.length; i += 1000) {
      const response = await request.post('/api/v1/events', { headers: { authorization: `Bearer ${key}` }, data: { events: events.slice(i, i + 1000) } });
      expect(response.status()).toBe(202);
    }
    const again = await request.post('/api/v1/events', { headers: { authorization: `Bearer ${key}` }, data: { events: events.slice(0, 10) } });
    expect(await again.json()).toEqual({ accepted: 10, stored: 0 });
    await runJob(page, 'analytics-aggregator');
    await runJob(page, 'churn-training');
  });

  const context = await browser.newContext();
  const ana = await context.newPage();
  await signIn(ana, 'en', ANALYST);

  await test.step('ja with JPY: every view, axe clean', async () => {
    await setPreferences(ana, 'en', 'ja', 'JPY');
    await readEveryView(ana, 'ja', /￥|¥/);
  });

  await test.step('a chart opens its data table, and a table exports as CSV', async () => {
    const t = messages.ja.analytics;
    await ana.goto('/ja/analytics?range=90d');
    const toggle = ana.getByRole('button', { name: t.common.showTable }).first();
    await toggle.focus();
    await ana.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(ana.getByRole('table', { name: t.revenue.mrrChart.title })).toBeVisible();
    const download = ana.waitForEvent('download');
    await ana.getByRole('link', { name: rendered(t.common.exportCsv) }).first().click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^analytics-currencies-.*\.csv$/);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^currency,payments,failed_payments,amount,converted_JPY,days_missing_rate\r\n/);
  });

  await test.step('a funnel built and saved by keyboard', async () => {
    const t = messages.ja.analytics.funnels;
    await ana.goto('/ja/analytics/funnels?range=90d');
    await ana.getByLabel(t.builder.name, { exact: true }).focus();
    await ana.keyboard.type('Activation');
    await ana.keyboard.press('Tab');
    await expect(ana.getByLabel(t.builder.step.replace('{n}', '1'), { exact: true })).toBeFocused();
    await ana.keyboard.type('signup');
    for (let i = 0; i < 3; i++) await ana.keyboard.press('Tab');
    await expect(ana.getByLabel(t.builder.step.replace('{n}', '2'), { exact: true })).toBeFocused();
    await ana.keyboard.type('plugin_installed');
    for (let i = 0; i < 3; i++) await ana.keyboard.press('Tab');
    await ana.keyboard.type('payment_succeeded');
    await ana.getByLabel(t.builder.window, { exact: true }).focus();
    await ana.keyboard.press('ControlOrMeta+a');
    await ana.keyboard.type('720');
    await ana.keyboard.press('Enter');
    await expect(ana.getByRole('status').filter({ hasText: t.saved })).toBeVisible();
    await expect(ana.getByRole('heading', { name: 'Activation', level: 2 })).toBeVisible();
    await expect(ana.getByRole('table', { name: 'Activation' }).getByRole('row')).toHaveCount(4);
    await expectAxeClean(ana);
  });

  await test.step('de with EUR: every view, axe clean', async () => {
    await setPreferences(ana, 'ja', 'de', 'EUR');
    await readEveryView(ana, 'de', /€/);
  });

  await test.step('an analyst cannot open Settings', async () => {
    const response = await ana.goto('/de/settings');
    expect(response?.status()).toBe(403);
    await expect(ana.getByRole('heading', { level: 1, name: messages.de.forbidden.title })).toBeVisible();
  });
  await context.close();
});
