import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, WRONG_PASSWORD } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { exactly, messages, rendered } from './support/messages';
import { heading, signIn, signInForm } from './support/session';

const en = messages.en;

test('a wrong password is refused with a message; the right one opens the console', async ({ page }) => {
  await page.goto('/en/health');
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await expect(heading(page, en.signIn.title)).toBeVisible();
  await expectAxeClean(page);

  const form = signInForm(page, 'en');
  await form.email.fill(ADMIN.email);
  await form.password.fill(WRONG_PASSWORD);
  await form.submit.click();
  await expect(form.alert(rendered(en.signIn.invalid))).toBeVisible();
  await expect(page).toHaveURL(/\/en\/sign-in/);
  // The email survives the failed attempt; the password never does.
  await expect(form.password).toHaveValue('');
  await expect(form.email).toHaveValue(ADMIN.email);
  await expectAxeClean(page);

  await form.password.fill(ADMIN.password);
  await form.submit.click();
  await expect(page).toHaveURL(/\/en\/health$/);
  await expect(heading(page, en.nav.health)).toBeVisible();
});

/** Presses Tab until `target` has focus; fails if it is not reached within `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 25) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test('sign-in works with the keyboard alone', async ({ page }) => {
  await page.goto('/en/sign-in');
  const form = signInForm(page, 'en');
  await tabTo(page, form.email);
  await page.keyboard.type(ADMIN.email);
  await page.keyboard.press('Tab');
  await expect(form.password).toBeFocused();
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/health$/);
  await expect(heading(page, en.nav.health)).toBeVisible();
});

test('the first Tab reaches "Skip to content", and Enter moves focus to the main content', async ({ page }) => {
  await signIn(page, 'en', ADMIN);
  await page.goto('/en/alerts');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: exactly(en.common.skipToContent) });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('main') !== null), {
      message: 'focus is in <main> after activating the skip link',
    })
    .toBe(true);
});

test('the locale switcher moves the page to the chosen locale', async ({ page }) => {
  await signIn(page, 'en', ADMIN);
  await page.goto('/en/alerts');
  await page.getByLabel(en.common.language, { exact: true }).selectOption('de');
  await page.getByRole('button', { name: exactly(en.common.changeLanguage) }).click();
  await expect(page).toHaveURL(/\/de\/alerts$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(heading(page, messages.de.nav.alerts)).toBeVisible();

  // Back to English, which also keeps the admin's saved locale as the other specs expect.
  const de = messages.de;
  await page.getByLabel(de.common.language, { exact: true }).selectOption('en');
  await page.getByRole('button', { name: exactly(de.common.changeLanguage) }).click();
  await expect(page).toHaveURL(/\/en\/alerts$/);
  await expect(heading(page, en.nav.alerts)).toBeVisible();
});
