// Alert operations: an admin silences warnings by keyboard and expires the silence early, edits a
// notification channel without its stored secret ever reaching the page, and narrows the
// AlertCenter by time. Every page passes axe.
import { expect, test } from '@playwright/test';
import { ADMIN } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { exactly, messages, rendered } from './support/messages';
import { heading, signIn } from './support/session';

test.describe.configure({ mode: 'serial' });

const SECRET_TOKEN = 'e2eSECRETtoken-4f9c2b7a';

test('an admin silences warnings by keyboard, sees who and why, and expires the silence early', async ({ page }) => {
  const m = messages.en.silences;
  await signIn(page, 'en', ADMIN);
  await page.goto('/en/alerts');
  // The Alerts area links to its silences; follow the link with the keyboard.
  await page.getByRole('link', { name: exactly(messages.en.alertRules.nav.silences) }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/alerts\/silences$/);
  await expect(heading(page, m.title)).toBeVisible();
  await expect(page.getByText(m.noActiveTitle)).toBeVisible();
  await expectAxeClean(page);

  // No matcher and no reason: both fields say what is missing.
  const reason = page.getByLabel(m.reason, { exact: true });
  const severity = page.getByLabel(m.severity, { exact: true });
  await page.getByRole('button', { name: exactly(m.create) }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(m.rule, { exact: true })).toHaveAccessibleDescription(m.errors.matcherRequired);
  await expect(reason).toHaveAccessibleDescription(m.errors.reasonRequired);
  await expectAxeClean(page);

  // Severity "warning" by arrow keys (Any, Info, Warning), the default end (in two hours), a reason.
  await severity.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(severity).toHaveValue('warning');
  await reason.focus();
  await page.keyboard.type('Database failover drill');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: exactly(m.create) })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: m.created })).toBeVisible();

  const active = page.getByRole('table', { name: m.activeCaption });
  const row = active.getByRole('row').filter({ hasText: 'Database failover drill' });
  await expect(row).toContainText(ADMIN.email);
  await expect(row).toContainText(messages.en.alertCenter.severities.warning);
  await expect(row).toContainText(m.states.active);
  await expectAxeClean(page);

  await row.getByRole('button', { name: new RegExp(`^\\s*${m.expire}`) }).focus();
  await page.keyboard.press('Enter');
  const history = page.getByRole('table', { name: m.historyCaption });
  await expect(history.getByRole('row').filter({ hasText: 'Database failover drill' })).toContainText(m.states.cancelled);
  await expect(page.getByText(m.noActiveTitle)).toBeVisible();
  await expectAxeClean(page);

  // The same page in Arabic, right to left, with the error in Arabic.
  await page.goto('/ar/alerts/silences');
  const ar = messages.ar.silences;
  await page.getByRole('button', { name: exactly(ar.create) }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(ar.reason, { exact: true })).toHaveAccessibleDescription(ar.errors.reasonRequired);
  await expectAxeClean(page);
});

test('an admin edits a channel; its stored webhook URL never reaches the page', async ({ page }) => {
  const c = messages.en.channels;
  const e = messages.en.channelEdit;
  await signIn(page, 'en', ADMIN);
  await page.goto('/en/settings/channels');
  await page.getByLabel(c.name, { exact: true }).fill('Ops pager');
  await page.getByLabel(c.incomingWebhookUrl, { exact: true }).fill(`https://93.184.216.34/api/webhooks/42/${SECRET_TOKEN}`);
  await page.getByRole('button', { name: exactly(c.create) }).click();
  await expect(page.getByRole('alert').filter({ hasText: rendered(c.created) })).toBeVisible();
  expect(await page.content()).not.toContain(SECRET_TOKEN);

  await page.getByRole('link', { name: new RegExp(`^\\s*${e.edit}\\s+Ops pager`) }).click();
  await expect(heading(page, e.title.replace('{name}', 'Ops pager'))).toBeVisible();
  const url = page.getByLabel(c.incomingWebhookUrl, { exact: true });
  await expect(url).toHaveValue('');
  await expect(url).toHaveAccessibleDescription(rendered(e.keepSecret));
  expect(await page.content()).not.toContain(SECRET_TOKEN);
  await expectAxeClean(page);

  // A zone that does not exist is refused on its field.
  const zone = page.getByLabel(c.timeZone, { exact: true });
  await zone.fill('Mars/Olympus');
  await page.getByRole('button', { name: exactly(e.save) }).click();
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  await expect(zone).toHaveAccessibleDescription(new RegExp(messages.en.errors.timeZoneInvalid));
  await expectAxeClean(page);

  // Name, language and zone change; the URL field stays blank, so the stored URL is kept.
  await page.getByLabel(c.name, { exact: true }).fill('Ops pager EU');
  await page.getByLabel(c.locale, { exact: true }).selectOption('de');
  await zone.fill('Europe/Berlin');
  await page.getByRole('button', { name: exactly(e.save) }).click();
  await expect(page.getByRole('alert').filter({ hasText: rendered(e.saved) })).toBeVisible();
  expect(await page.content()).not.toContain(SECRET_TOKEN);

  await page.getByRole('link', { name: exactly(e.back) }).click();
  const row = page.getByRole('table', { name: c.tableCaption }).getByRole('row').filter({ hasText: 'Ops pager EU' });
  await expect(row).toContainText('Europe/Berlin');
  // The hint still names the stored URL's tail: it was kept, not cleared.
  await expect(row).toContainText(SECRET_TOKEN.slice(-4));
  expect(await page.content()).not.toContain(SECRET_TOKEN);
  await expectAxeClean(page);
});

test('the AlertCenter filters by period and by a from-to range, kept in the URL', async ({ page }) => {
  const f = messages.en.alertFilters;
  await signIn(page, 'en', ADMIN);
  await page.goto('/en/alerts');
  const period = page.getByLabel(f.period, { exact: true });
  await expect(period).toHaveValue('all');
  await period.focus();
  // All options in order: 24 h, 7 d, 30 d, all. Home then one down is "last 7 days".
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await expect(period).toHaveValue('7d');
  await page.getByRole('button', { name: exactly(messages.en.alertCenter.apply) }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]period=7d(&|$)/);
  await expect(page.getByLabel(f.period, { exact: true })).toHaveValue('7d');
  await expectAxeClean(page);

  // A range typed backwards is reported, not applied.
  await page.getByLabel(f.from, { exact: true }).fill('2026-06-14T00:00');
  await page.getByLabel(f.to, { exact: true }).fill('2026-06-01T00:00');
  await page.getByLabel(f.to, { exact: true }).press('Enter');
  await expect(page).toHaveURL(/from=2026-06-14T00%3A00/);
  await expect(page.getByLabel(f.from, { exact: true })).toHaveValue('2026-06-14T00:00');
  await expect(page.getByLabel(f.from, { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(f.problems.fromAfterTo)).toBeVisible();
  await expectAxeClean(page);

  await page.getByRole('link', { name: exactly(f.clear) }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/alerts$/);
  await expect(page.getByLabel(f.period, { exact: true })).toHaveValue('all');
});
