// Settings > Users: an admin creates a viewer; bad input gets field messages in the page's
// language; the viewer is refused the admin page with a real 403.
import { expect, test } from '@playwright/test';
import { ADMIN, VIEWER } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { messages, rendered } from './support/messages';
import { heading, signIn } from './support/session';
import { createUser, userForm } from './support/users';

test.describe.configure({ mode: 'serial' });

test('an admin creates a viewer in Settings > Users', async ({ page }) => {
  await signIn(page, 'en', ADMIN);
  await createUser(page, { ...VIEWER, role: 'viewer' });
  await expectAxeClean(page);
});

for (const locale of ['en', 'de'] as const) {
  test(`the user form answers bad input with field messages (${locale})`, async ({ page }) => {
    const m = messages[locale];
    await signIn(page, 'en', ADMIN);
    await page.goto(`/${locale}/settings/users`);
    const form = userForm(page, locale);
    await form.name.fill(VIEWER.name);
    await form.email.fill('no-at-sign');
    await form.password.fill('short');
    await form.submit.click();
    await expect(form.email).toHaveAccessibleDescription(rendered(m.errors.emailInvalid));
    await expect(form.password).toHaveAccessibleDescription(rendered(m.errors.passwordTooShort));
    await expect(form.password).toHaveAttribute('aria-invalid', 'true');
    await expectAxeClean(page);
  });
}

test('a viewer opening Settings > Users gets the 403 page', async ({ page }) => {
  await signIn(page, 'en', VIEWER);
  const response = await page.goto('/en/settings/users');
  expect(response?.status()).toBe(403);
  await expect(heading(page, messages.en.forbidden.title)).toBeVisible();
  await expectAxeClean(page);
});
