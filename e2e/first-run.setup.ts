// Runs first, on the empty database of this run: while no user exists every console URL leads
// to setup; setup validates its input in the visitor's language, creates the first admin, and
// is then gone for good.
import { expect, test } from '@playwright/test';
import { ADMIN } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { exactly, messages, rendered } from './support/messages';
import { heading } from './support/session';

test('first run leads to setup, which validates its fields and creates the admin', async ({ page, request }) => {
  const en = messages.en;
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const submit = page.getByRole('button', { name: exactly(en.setup.submit) });

  await test.step('a console URL leads to setup while no user exists', async () => {
    await page.goto('/en/health');
    await expect(page).toHaveURL(/\/en\/setup$/);
    await expect(heading(page, en.setup.title)).toBeVisible();
    await expectAxeClean(page);
  });

  await test.step('an empty form gets "required" field messages', async () => {
    await submit.click();
    await expect(field(en.setup.name)).toHaveAccessibleDescription(rendered(en.errors.required));
    await expect(field(en.setup.name)).toHaveAttribute('aria-invalid', 'true');
    await expectAxeClean(page);
  });

  await test.step('a bad email and a password under 12 characters get field messages', async () => {
    await field(en.setup.name).fill(ADMIN.name);
    await field(en.setup.email).fill('not-an-email');
    await field(en.setup.password).fill('elevenchars');
    await field(en.setup.passwordConfirm).fill('elevenchars');
    await submit.click();
    await expect(field(en.setup.email)).toHaveAccessibleDescription(rendered(en.errors.emailInvalid));
    await expect(field(en.setup.password)).toHaveAccessibleDescription(rendered(en.errors.passwordTooShort));
  });

  await test.step('a mismatched confirmation gets a field message', async () => {
    await field(en.setup.name).fill(ADMIN.name);
    await field(en.setup.email).fill(ADMIN.email);
    await field(en.setup.password).fill(ADMIN.password);
    await field(en.setup.passwordConfirm).fill(`${ADMIN.password}!`);
    await submit.click();
    await expect(field(en.setup.passwordConfirm)).toHaveAccessibleDescription(rendered(en.errors.passwordMismatch));
  });

  await test.step('field messages come in the page language (de)', async () => {
    const de = messages.de;
    const dePage = await page.context().newPage();
    await dePage.goto('/de/setup');
    await dePage.getByLabel(de.setup.password, { exact: true }).fill('kurz');
    await dePage.getByRole('button', { name: exactly(de.setup.submit) }).click();
    await expect(dePage.getByLabel(de.setup.password, { exact: true })).toHaveAccessibleDescription(
      rendered(de.errors.passwordTooShort),
    );
    await dePage.close();
  });

  await test.step('valid input creates the admin and opens the console', async () => {
    await field(en.setup.name).fill(ADMIN.name);
    await field(en.setup.email).fill(ADMIN.email);
    await field(en.setup.password).fill(ADMIN.password);
    await field(en.setup.passwordConfirm).fill(ADMIN.password);
    await submit.click();
    await expect(page).toHaveURL(/\/en\/health$/);
    await expect(heading(page, en.nav.health)).toBeVisible();
  });

  await test.step('setup is gone (404) once a user exists, signed in or not', async () => {
    const response = await page.goto('/en/setup');
    expect(response?.status()).toBe(404);
    await expectAxeClean(page);
    const anonymous = await request.get('/en/setup', { maxRedirects: 0 });
    expect(anonymous.status()).toBe(404);
  });
});
