// Settings > Monitors and Network: the SSRF guard refuses http://127.0.0.1 with a message on the
// URL field until an admin allows private targets; then the monitor is added, edited and deleted.
// Every page passes axe in en and ar.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { exactly, messages, rendered, type Locale } from './support/messages';
import { heading, signIn } from './support/session';

test.describe.configure({ mode: 'serial' });

function monitorForm(page: Page, locale: Locale) {
  const m = messages[locale].monitors;
  const field = (label: string) => page.getByLabel(label, { exact: true });
  return {
    name: field(m.name),
    url: field(m.url),
    interval: field(m.intervalSeconds),
    submit: page.getByRole('button', { name: exactly(m.submitCreate) }),
  };
}

async function setPrivateTargets(page: Page, allowed: boolean) {
  const m = messages.en.networkSettings;
  await page.goto('/en/settings/network');
  await expect(heading(page, m.title)).toBeVisible();
  await page.getByLabel(m.allowPrivate).setChecked(allowed);
  await page.getByRole('button', { name: exactly(m.save) }).click();
  await expect(page.getByRole('alert').filter({ hasText: m.saved })).toBeVisible();
}

test('a loopback URL is refused with the reason until private targets are allowed', async ({ page, baseURL }) => {
  const m = messages.en.monitors;
  const target = `${baseURL}/api/health/live`.replace('localhost', '127.0.0.1');
  await signIn(page, 'en', ADMIN);
  await setPrivateTargets(page, false);
  await expectAxeClean(page);

  await page.goto('/en/settings/monitors');
  await expect(heading(page, m.title)).toBeVisible();
  await expect(page.getByText(m.privateRefused)).toBeVisible();
  await expectAxeClean(page);

  const form = monitorForm(page, 'en');
  await form.name.fill('Console liveness');
  await form.url.fill(target);
  await form.submit.click();
  await expect(form.url).toHaveAttribute('aria-invalid', 'true');
  await expect(form.url).toHaveAccessibleDescription(new RegExp(rendered(messages.en.errors.targetLoopback).source));
  // What was typed is kept.
  await expect(form.url).toHaveValue(target);
  await expectAxeClean(page);

  // Arabic: the same refusal, in Arabic, on a right-to-left page.
  await page.goto('/ar/settings/monitors');
  const arForm = monitorForm(page, 'ar');
  await arForm.name.fill('حيوية وحدة التحكم');
  await arForm.url.fill('http://169.254.169.254/latest/meta-data/');
  await arForm.submit.click();
  await expect(arForm.url).toHaveAccessibleDescription(new RegExp(rendered(messages.ar.errors.targetLinkLocal).source));
  await expectAxeClean(page);
});

test('with private targets allowed, an admin adds, edits and deletes a monitor', async ({ page, baseURL }) => {
  const m = messages.en.monitors;
  const target = `${baseURL}/api/health/live`.replace('localhost', '127.0.0.1');
  await signIn(page, 'en', ADMIN);
  await setPrivateTargets(page, true);

  await page.goto('/en/settings/monitors');
  await expect(page.getByText(m.privateAllowed)).toBeVisible();
  const form = monitorForm(page, 'en');
  await form.name.fill('Console liveness');
  await form.url.fill(target);
  await form.interval.fill('10');
  await form.submit.click();
  await expect(form.interval).toHaveAccessibleDescription(new RegExp(rendered(messages.en.errors.monitorIntervalInvalid).source));
  await form.interval.fill('30');
  await form.submit.click();
  await expect(page.getByRole('alert').filter({ hasText: rendered(m.created) })).toBeVisible();

  const table = page.getByRole('table', { name: m.listTitle });
  const row = table.getByRole('row').filter({ hasText: 'Console liveness' });
  await expect(row).toBeVisible();
  // Status as words (pending until the job's first probe, then up).
  await expect(row.getByText(new RegExp(`${m.statusPending}|${m.statusUp}|${m.statusDegraded}`))).toBeVisible();
  await expectAxeClean(page);

  await row.getByRole('link', { name: 'Console liveness' }).click();
  await expect(heading(page, m.editTitleFor.replace('{name}', 'Console liveness'))).toBeVisible();
  await expectAxeClean(page);
  await page.getByLabel(m.name, { exact: true }).fill('Console liveness (edited)');
  await page.getByRole('button', { name: exactly(m.submitEdit) }).click();
  await expect(page.getByRole('alert').filter({ hasText: m.updated })).toBeVisible();
  const editUrl = page.url();

  for (const path of ['/ar/settings/monitors', editUrl.replace('/en/', '/ar/'), '/ar/settings/network', '/ar/settings']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAxeClean(page);
  }

  // Delete with confirmation; the list says it is gone.
  await page.goto(editUrl);
  await page.getByRole('button', { name: exactly(m.delete) }).click();
  await expect(page.getByText(rendered(m.deleteConfirmTitle))).toBeFocused();
  await page.getByRole('button', { name: exactly(m.deleteConfirm) }).click();
  await expect(page).toHaveURL(/\/en\/settings\/monitors\?deleted=1$/);
  await expect(page.getByRole('status').filter({ hasText: m.deleted })).toBeVisible();
  await expect(page.getByRole('table', { name: m.listTitle })).toHaveCount(0);

  await setPrivateTargets(page, false);
});
