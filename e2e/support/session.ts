import { expect, type Page } from '@playwright/test';
import { exactly, messages, type Locale } from './messages';

interface Account {
  email: string;
  password: string;
}

export function signInForm(page: Page, locale: Locale) {
  const m = messages[locale].signIn;
  return {
    email: page.getByLabel(m.email, { exact: true }),
    password: page.getByLabel(m.password, { exact: true }),
    submit: page.getByRole('button', { name: exactly(m.submit) }),
    /** The form's status region (role=alert) once it holds the given text. */
    alert: (text: RegExp | string) => page.getByRole('alert').filter({ hasText: text }),
  };
}

/**
 * Signs in through the form and waits for the console. Sign-in lands in the user's saved
 * locale, so callers that need another one navigate there afterwards.
 */
export async function signIn(page: Page, locale: Locale, account: Account) {
  await page.goto(`/${locale}/sign-in`);
  const form = signInForm(page, locale);
  await form.email.fill(account.email);
  await form.password.fill(account.password);
  await form.submit.click();
  await expect(page).toHaveURL(/\/[a-z]{2}\/health$/);
}

export async function signOut(page: Page, locale: Locale) {
  await page.getByRole('button', { name: exactly(messages[locale].common.signOut) }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in`));
}

export async function expectHtmlLocale(page: Page, locale: Locale) {
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', locale);
  await expect(html).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
}

export function heading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name: exactly(name) });
}
