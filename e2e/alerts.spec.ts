// Alerting end to end (issue 4): an admin creates a rule with the keyboard only, previews it
// against the seeded last 24 hours, the seeded metrics breach it, the alert shows in the
// AlertCenter and in the header count, and acknowledge (with a comment) and resolve work.
// The rule form's errors come in German and Arabic. Every page passes axe.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { exactly, messages, rendered, type Locale } from './support/messages';
import { expectHtmlLocale, heading, signIn } from './support/session';

test.describe.configure({ mode: 'serial' });

const RULE = 'Checkout latency (e2e)';

/** Presses Tab until the target has the focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

/** Replaces a focused field's text, as a keyboard user does (select all, type). */
async function typeOver(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** Open critical alerts in the console header (the ▲ part of the counts). */
async function headerCritical(page: Page) {
  const text = await page.getByTestId('header-alert-counts').locator('span', { hasText: '▲' }).first().textContent();
  return Number(text?.match(/\d+/)?.[0] ?? Number.NaN);
}

test('an admin creates a rule with the keyboard, previews it, it fires, and the alert is acknowledged and resolved', async ({ page }) => {
  test.setTimeout(240_000);
  const en = messages.en;
  const t = en.alertRules;
  await signIn(page, 'en', ADMIN);

  await page.goto('/en/alerts');
  await expect(heading(page, en.nav.alerts)).toBeVisible();
  const before = await headerCritical(page);
  expect(before).toBeGreaterThanOrEqual(0);

  await test.step('the Alerts area links to Rules; the rules list passes axe', async () => {
    const sections = page.getByRole('navigation', { name: exactly(t.nav.label) });
    await expect(sections.getByRole('link', { name: exactly(t.nav.center) })).toHaveAttribute('aria-current', 'page');
    await sections.getByRole('link', { name: exactly(t.nav.rules) }).click();
    await expect(heading(page, t.title)).toBeVisible();
    await expectAxeClean(page);
  });

  await test.step('the rule is filled in with Tab and typing only', async () => {
    await tabTo(page, page.getByRole('link', { name: exactly(t.newRule) }));
    await page.keyboard.press('Enter');
    await expect(heading(page, t.createTitle)).toBeVisible();
    await expectAxeClean(page);

    await tabTo(page, field(page, t.form.ruleName));
    await page.keyboard.type(RULE);
    await tabTo(page, field(page, t.form.metricType));
    await expect(field(page, t.form.metricType)).toHaveValue('api_response_time');
    await tabTo(page, field(page, t.form.threshold));
    await page.keyboard.type('1');
    await tabTo(page, field(page, t.form.windowSeconds));
    await typeOver(page, '3600');
    await tabTo(page, field(page, t.form.pendingSeconds));
    await typeOver(page, '0');
    await tabTo(page, field(page, t.form.severity));
    await page.keyboard.press('ArrowDown');
    await expect(field(page, t.form.severity)).toHaveValue('critical');
  });

  await test.step('the preview shows the last 24 hours (as a table too) and how often the rule would have fired', async () => {
    await tabTo(page, page.getByRole('button', { name: exactly(t.preview.button) }));
    await page.keyboard.press('Enter');
    const status = page.getByRole('status').filter({ hasText: rendered(t.preview.fires) });
    await expect(status).toBeVisible();
    await expect(status).toHaveAttribute('aria-live', 'polite');
    const fires = Number((await status.textContent())?.match(/(\d+)\s*$/)?.[1]);
    expect(fires).toBeGreaterThanOrEqual(1);

    const chartTitle = t.preview.chartTitle.replace('{metric}', 'api_response_time');
    await expect(page.getByRole('figure', { name: new RegExp(rendered(chartTitle).source) })).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: exactly(en.health.charts.showTable) }));
    await page.keyboard.press('Enter');
    const table = page.getByRole('region', { name: new RegExp(rendered(chartTitle).source) }).getByRole('table');
    await expect(table).toBeVisible();
    // 24 hours in 5-minute steps, plus the header row.
    await expect(table.getByRole('row')).toHaveCount(289);
    await expect(table.getByRole('columnheader', { name: exactly(t.preview.threshold) })).toBeVisible();
    await expectAxeClean(page);
  });

  await test.step('Enter in a field saves the rule; the list names it', async () => {
    await tabTo(page, field(page, t.form.ruleName));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/en\/alerts\/rules\?created=/);
    await expect(page.getByRole('status').filter({ hasText: t.created.replace('{name}', RULE) })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: RULE });
    await expect(row).toContainText(t.active);
    await expectAxeClean(page);
  });

  await test.step('the seeded breach fires the rule: the alert is in the AlertCenter and in the header count', async () => {
    await page.goto('/en/jobs');
    await page.getByRole('button', { name: exactly(en.jobs.runNow.replace('{job}', en.jobs.names['proactive-health-monitor'])) }).click();
    // The run-now answer or the in-process minute tick: either evaluates the rule.
    await expect(async () => {
      await page.goto('/en/alerts?status=open');
      await expect(page.getByRole('link', { name: RULE })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 120_000 });
    expect(await headerCritical(page)).toBe(before + 1);
    await expectAxeClean(page);
  });

  await test.step('acknowledge with a comment, then resolve (after disabling the rule so it cannot fire again)', async () => {
    const ac = en.alertCenter;
    await page.getByRole('link', { name: RULE }).click();
    await expect(heading(page, ac.detailTitle.replace('{rule}', RULE))).toBeVisible();
    await expectAxeClean(page);
    const ackForm = page.locator('form').filter({ has: page.getByRole('button', { name: exactly(ac.acknowledge) }) });
    await ackForm.getByLabel(ac.commentOptional).fill('Looking at the checkout service');
    await ackForm.getByRole('button', { name: exactly(ac.acknowledge) }).click();
    // The response forms leave the page once used, so the page's own state is what shows it.
    await expect(page.locator('dd').filter({ hasText: ac.statuses.acknowledged })).toBeVisible();
    await expect(page.getByText('Looking at the checkout service')).toBeVisible();
    const alertUrl = page.url();

    await page.goto('/en/alerts/rules');
    const row = page.getByRole('row').filter({ hasText: RULE });
    await row.getByRole('button', { name: new RegExp(`^\\s*${t.disable}`) }).click();
    await expect(row.getByRole('status').filter({ hasText: t.disabled })).toBeVisible();
    await expect(row).toContainText(t.inactive);

    await page.goto(alertUrl);
    await page.getByRole('button', { name: exactly(ac.resolve) }).click();
    await expect(page.locator('dd').filter({ hasText: ac.statuses.resolved })).toBeVisible();
    await page.reload();
    expect(await headerCritical(page)).toBe(before);
  });

  await test.step('the rule is deleted with the keyboard after confirming', async () => {
    await page.goto('/en/alerts/rules');
    const row = page.getByRole('row').filter({ hasText: RULE });
    await tabTo(page, row.getByRole('button', { name: new RegExp(`^\\s*${t.delete}`) }));
    await page.keyboard.press('Enter');
    const question = page.getByText(t.deleteConfirmTitle.replace('{name}', RULE));
    await expect(question).toBeFocused();
    await expectAxeClean(page);
    await tabTo(page, page.getByRole('button', { name: exactly(t.deleteConfirm) }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/en\/alerts\/rules\?deleted=1/);
    await expect(page.getByRole('status').filter({ hasText: t.deleted })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: RULE })).toHaveCount(0);
  });
});

for (const locale of ['de', 'ar'] as const satisfies readonly Locale[]) {
  test(`the rule form names each bad field in ${locale}`, async ({ page }) => {
    const m = messages[locale];
    const t = m.alertRules;
    await signIn(page, 'en', ADMIN);
    await page.goto(`/${locale}/alerts/rules/new`);
    await expectHtmlLocale(page, locale);
    await expect(heading(page, t.createTitle)).toBeVisible();
    await field(page, t.form.threshold).fill('viel');
    await field(page, t.form.windowSeconds).fill('10');
    await field(page, t.form.repeatIntervalSeconds).fill('5');
    await page.getByRole('button', { name: exactly(t.form.submitCreate) }).click();

    await expect(page.getByRole('alert').filter({ hasText: m.errors.fixFields })).toBeVisible();
    const described = (text: string) => new RegExp(rendered(text).source);
    await expect(field(page, t.form.ruleName)).toHaveAccessibleDescription(described(t.errors.nameRequired));
    await expect(field(page, t.form.ruleName)).toHaveAttribute('aria-invalid', 'true');
    await expect(field(page, t.form.threshold)).toHaveAccessibleDescription(described(t.errors.numberInvalid));
    await expect(field(page, t.form.windowSeconds)).toHaveAccessibleDescription(described(t.errors.windowRange));
    await expect(field(page, t.form.repeatIntervalSeconds)).toHaveAccessibleDescription(described(t.errors.repeatRange));
    // What was typed is kept.
    await expect(field(page, t.form.threshold)).toHaveValue('viel');

    // The preview checks the same way, in the same language.
    await page.getByRole('button', { name: exactly(t.preview.button) }).click();
    await expect(page.getByRole('status').filter({ hasText: t.preview.invalid })).toBeVisible();
    await expectAxeClean(page);
  });
}
