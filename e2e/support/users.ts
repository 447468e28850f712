import { expect, type Page } from '@playwright/test';
import { exactly, messages, type Locale } from './messages';

type Role = 'admin' | 'analyst' | 'viewer';
const ROLE_KEY = { admin: 'roleAdmin', analyst: 'roleAnalyst', viewer: 'roleViewer' } as const;

export function userForm(page: Page, locale: Locale) {
  const m = messages[locale].settingsUsers;
  const field = (label: string) => page.getByLabel(label, { exact: true });
  return {
    name: field(m.name),
    email: field(m.email),
    password: field(m.password),
    role: field(m.role),
    submit: page.getByRole('button', { name: exactly(m.submit) }),
  };
}

/**
 * Creates a user through Settings > Users; the page must be signed in as an admin. A user
 * already listed (a retried test) is left as it is.
 */
export async function createUser(
  page: Page,
  user: { name: string; email: string; password: string; role: Role },
  locale: Locale = 'en',
) {
  const m = messages[locale].settingsUsers;
  await page.goto(`/${locale}/settings/users`);
  await expect(page.getByRole('heading', { level: 1, name: exactly(m.title) })).toBeVisible();
  if (await page.getByRole('table').getByText(user.email, { exact: true }).count()) return;
  const form = userForm(page, locale);
  await form.name.fill(user.name);
  await form.email.fill(user.email);
  await form.password.fill(user.password);
  await form.role.selectOption({ label: m[ROLE_KEY[user.role]] });
  await form.submit.click();
  await expect(page.getByRole('table').getByText(user.email, { exact: true })).toBeVisible();
}
