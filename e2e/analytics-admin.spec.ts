// Analytics reference data: an admin imports exchange rates from a CSV file by keyboard (a bad
// file is refused with its line numbers and reasons in German and stores nothing), sees the rates,
// edits a rate and a model price; an analyst reads both pages without any edit control. Axe clean.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, REF_ANALYST } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { exactly, messages, rendered } from './support/messages';
import { signIn } from './support/session';
import { createUser } from './support/users';

test.describe.configure({ mode: 'serial' });

/** A message with its placeholders filled in, as the page shows it. */
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));

/** Chooses a file for the focused-by-Tab file input with the keyboard (Space opens the chooser). */
async function chooseFileByKeyboard(page: Page, label: string, name: string, text: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.focus();
  await expect(input).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('an admin imports exchange rates and edits a rate and a model price by keyboard; an analyst only reads them', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, 'en', ADMIN);
  await createUser(page, { ...REF_ANALYST, role: 'analyst' });

  await test.step('a bad file is refused line by line in German, and nothing of it is stored', async () => {
    const t = messages.de.analyticsAdmin;
    await page.goto('/de/analytics/settings/rates');
    await expect(page.getByRole('heading', { level: 1, name: exactly(t.rates.title) })).toBeVisible();
    await chooseFileByKeyboard(page, t.import.file, 'rates.csv', 'day,base,quote,rate\n2026-04-01,USD,EUR,0.92\n2026-04-31,USD,EUR,0.9\n2026-04-01,USD,EURO,1\n');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: exactly(t.import.submit) })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: fill(t.import.rejected, { count: 2 }) })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: fill(t.import.lineProblem, { line: 3, problem: t.import.problems.day }) })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: fill(t.import.lineProblem, { line: 4, problem: t.import.problems.currency }) })).toBeVisible();
    await expect(page.getByText(t.rates.table.empty, { exact: true })).toBeVisible();
    await expectAxeClean(page);
  });

  await test.step('a good file is imported by keyboard and its rates are listed', async () => {
    const t = messages.en.analyticsAdmin;
    await page.goto('/en/analytics/settings/rates');
    await chooseFileByKeyboard(page, t.import.file, 'rates.csv', 'day,base,quote,rate\n2026-04-01,USD,EUR,0.92\n2026-04-01,USD,JPY,151.5\n2026-04-02,USD,EUR,0.93\n');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: fill(t.import.imported, { count: 3 }) })).toBeVisible();
    const table = page.getByRole('table', { name: t.rates.table.title });
    await expect(table.getByRole('row')).toHaveCount(4);
    await expect(table.getByRole('row').nth(1)).toContainText('USD/EUR');
    await expect(table.getByRole('row').nth(1)).toContainText('0.93');
    await expectAxeClean(page);
  });

  await test.step('a rate is edited through its Edit link, by keyboard', async () => {
    const t = messages.en.analyticsAdmin.rates;
    await page.getByRole('link', { name: fill(t.table.editLabel, { pair: 'USD/JPY', day: 'Apr 1, 2026' }) }).focus();
    await page.keyboard.press('Enter');
    const rate = page.getByLabel(t.form.rate, { exact: true });
    await expect(rate).toHaveValue('151.5');
    await rate.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('152.25');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: fill(t.saved, { day: '2026-04-01', base: 'USD', quote: 'JPY' }) })).toBeVisible();
    await expect(page.getByRole('table', { name: t.table.title }).getByRole('row').filter({ hasText: 'USD/JPY' })).toContainText('152.25');
  });

  await test.step('a model price is set, then edited, by keyboard', async () => {
    const t = messages.en.analyticsAdmin.prices;
    await page.goto('/en/analytics/settings/prices');
    await expect(page.getByRole('heading', { level: 1, name: exactly(t.title) })).toBeVisible();
    await page.getByLabel(t.form.model, { exact: true }).focus();
    await page.keyboard.type('e2e-model');
    await page.keyboard.press('Tab');
    await page.keyboard.type('abc');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0.002');
    await page.keyboard.press('Enter');
    await expect(page.getByText(messages.en.errors.priceInvalid, { exact: true })).toBeVisible();
    await expect(page.getByLabel(t.form.prompt, { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel(t.form.prompt, { exact: true }).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('0.0015');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: fill(t.saved, { model: 'e2e-model' }) })).toBeVisible();
    const row = page.getByRole('table', { name: t.table.title }).getByRole('row').filter({ hasText: 'e2e-model' });
    await expect(row).toContainText('$0.0015');
    await page.getByRole('link', { name: fill(t.table.editLabel, { model: 'e2e-model' }) }).focus();
    await page.keyboard.press('Enter');
    const completion = page.getByLabel(t.form.completion, { exact: true });
    await expect(completion).toHaveValue('0.002');
    await completion.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('0.003');
    await page.keyboard.press('Enter');
    await expect(row).toContainText('$0.003');
    await expectAxeClean(page);
  });

  await test.step('an analyst reads rates and prices without any edit control', async () => {
    const context = await browser.newContext();
    const ana = await context.newPage();
    await signIn(ana, 'en', REF_ANALYST);
    const t = messages.en.analyticsAdmin;
    await ana.goto('/en/analytics/settings/rates');
    await expect(ana.getByText(t.readOnly, { exact: true })).toBeVisible();
    await expect(ana.getByRole('table', { name: t.rates.table.title }).getByRole('row')).toHaveCount(4);
    await expect(ana.getByLabel(t.import.file, { exact: true })).toHaveCount(0);
    await expect(ana.getByRole('button', { name: exactly(t.rates.form.save) })).toHaveCount(0);
    await expect(ana.getByRole('link', { name: rendered(t.rates.table.editLabel) })).toHaveCount(0);
    await expectAxeClean(ana);
    await ana.goto('/en/analytics/settings/prices');
    await expect(ana.getByRole('table', { name: t.prices.table.title })).toContainText('e2e-model');
    await expect(ana.getByRole('button', { name: exactly(t.prices.form.save) })).toHaveCount(0);
    await expectAxeClean(ana);
    await context.close();
  });
});
