// The audit area as an auditor uses it: verify the chain, filter, open an entry, export CSV, and
// generate the compliance report for the last 7 days, in a left-to-right locale and in Japanese,
// with an axe scan of every view.
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { ADMIN } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { exactly, messages, rendered, type Locale } from './support/messages';
import { heading, signIn } from './support/session';

test.describe.configure({ mode: 'serial' });

async function downloadedText(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, text: await readFile((await download.path())!, 'utf8') };
}

/** The action column of every row of the audit table. */
async function actionsShown(page: Page, locale: Locale): Promise<string[]> {
  const table = page.getByRole('table', { name: exactly(messages[locale].audit.caption) });
  return table.locator('tbody tr td:nth-child(4)').allInnerTexts();
}

/** YYYY-MM-DD in UTC (the admin's time zone and the browser's in this suite). */
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

for (const locale of ['en', 'ja'] as const satisfies readonly Locale[]) {
  const m = messages[locale];

  test(`audit log: verify, filter, open an entry, export CSV, compliance report (${locale})`, async ({ page }) => {
    await signIn(page, 'en', ADMIN);
    await page.goto(`/${locale}/audit`);
    await expect(heading(page, m.nav.audit)).toBeVisible();

    await test.step('the chain is verified on demand and the status says up to which entry', async () => {
      await page.getByRole('button', { name: exactly(m.audit.chain.verifyNow) }).click();
      await expect(page.getByRole('status').filter({ hasText: rendered(m.audit.chain.verifiedNow) })).toBeVisible();
      await expect(page.getByText(rendered(m.audit.chain.verifiedUpTo))).toBeVisible();
      await expectAxeClean(page);
    });

    await test.step('filtering by action and outcome shows only matching entries', async () => {
      await page.getByLabel(m.audit.action, { exact: true }).selectOption('auth.sign_in');
      await page.getByLabel(m.audit.outcome, { exact: true }).selectOption({ label: m.audit.outcomes.success });
      await page.getByRole('button', { name: exactly(m.audit.apply) }).click();
      await expect(page).toHaveURL(/action=auth\.sign_in/);
      await expect(page).toHaveURL(/outcome=success/);
      const shown = await actionsShown(page, locale);
      expect(shown.length).toBeGreaterThan(0);
      expect(new Set(shown)).toEqual(new Set(['auth.sign_in']));
      await expectAxeClean(page);
    });

    await test.step('free text finds the admin by email', async () => {
      await page.getByLabel(m.audit.search, { exact: true }).fill(ADMIN.email);
      await page.getByRole('button', { name: exactly(m.audit.apply) }).click();
      await expect(page).toHaveURL(/q=/);
      expect((await actionsShown(page, locale)).length).toBeGreaterThan(0);
    });

    await test.step('an entry opens with its fields, changes and hash', async () => {
      const link = page.getByRole('link', { name: rendered(m.audit.detailsOf) }).first();
      const id = (await link.innerText()).trim();
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/audit/${id}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(rendered(m.audit.detail.title));
      await expect(page.getByRole('heading', { level: 2, name: exactly(m.audit.detail.chain) })).toBeVisible();
      await expect(page.getByText('auth.sign_in', { exact: true })).toBeVisible();
      await expect(page.locator('dd.font-mono').first()).toHaveText(/^[0-9a-f]{64}$/);
      await expectAxeClean(page);
      await page.getByRole('link', { name: exactly(m.audit.detail.back) }).click();
      await expect(heading(page, m.nav.audit)).toBeVisible();
    });

    await test.step('changing the retention is audited with a before/after diff', async () => {
      const days = locale === 'en' ? '500' : '450';
      await page.goto(`/${locale}/audit`);
      await page.getByLabel(m.audit.retention.label, { exact: true }).fill(days);
      await page.getByRole('button', { name: exactly(m.audit.retention.save) }).click();
      await expect(page.getByRole('alert').filter({ hasText: rendered(m.audit.retention.saved) })).toBeVisible();
      await expectAxeClean(page);
      await page.goto(`/${locale}/audit?action=settings.update`);
      await page.getByRole('link', { name: rendered(m.audit.detailsOf) }).first().click();
      const diff = page.getByRole('table', { name: exactly(m.audit.detail.changesCaption) });
      const row = diff.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'value' }) });
      await expect(row.getByRole('cell').nth(1)).toHaveText(days);
      await expect(row.getByRole('cell').nth(2)).toHaveText(m.audit.detail.changeKinds.changed);
      await expectAxeClean(page);
    });

    await test.step('CSV export downloads the filtered log and is itself audited', async () => {
      await page.goto(`/${locale}/audit?action=auth.sign_in`);
      const { download, text } = await downloadedText(page, () => page.getByRole('link', { name: exactly(m.audit.exportCsv) }).click());
      expect(download.suggestedFilename()).toMatch(/^audit-log-.*\.csv$/);
      const [header, ...rows] = text.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(header).toContain(m.audit.csv.timeUtc);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.includes(',auth.sign_in,'))).toBe(true);
      await page.goto(`/${locale}/audit?action=audit.export`);
      expect(await actionsShown(page, locale)).toContain('audit.export');
    });

    await test.step('the compliance report for the last 7 days, printable, with its anchor', async () => {
      await page.goto(`/${locale}/audit`);
      await page.getByRole('link', { name: exactly(m.audit.reportLink) }).click();
      await expect(heading(page, m.compliance.title)).toBeVisible();
      await expect(page.getByLabel(m.compliance.from, { exact: true })).toHaveValue(day(-6));
      await expect(page.getByLabel(m.compliance.to, { exact: true })).toHaveValue(day(0));
      await expectAxeClean(page);
      await page.getByRole('button', { name: exactly(m.compliance.generate) }).click();
      await expect(page).toHaveURL(new RegExp(`from=${day(-6)}&to=${day(0)}`));
      for (const section of ['adminActions', 'securityEvents', 'failedAndDenied', 'dataExports', 'apiKeyLifecycle', 'alertRuleChanges', 'roleChanges'] as const) {
        await expect(page.getByRole('heading', { level: 2, name: exactly(m.compliance.sections[section].title) })).toBeVisible();
      }
      await expect(page.getByRole('heading', { level: 2, name: exactly(m.compliance.anchor.heading) })).toBeVisible();
      await expect(page.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
      await expectAxeClean(page);

      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('navigation', { name: exactly(m.nav.label) })).toBeHidden();
      await expect(page.getByRole('button', { name: exactly(m.compliance.generate) })).toBeHidden();
      await expect(page.getByRole('heading', { level: 2, name: exactly(m.compliance.anchor.heading) })).toBeVisible();
      await page.emulateMedia({ media: 'screen' });

      const { text } = await downloadedText(page, () => page.getByRole('link', { name: exactly(m.compliance.downloadCsv) }).click());
      expect(text).toContain(m.compliance.sections.securityEvents.title);
      expect(text).toContain(m.compliance.csv.records.anchor);
      expect(text).toMatch(/[0-9a-f]{64}/);

      await page.goto(`/${locale}/audit?action=audit.report`);
      expect(await actionsShown(page, locale)).toContain('audit.report');
    });
  });
}
