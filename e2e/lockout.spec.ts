// Sign-in abuse: five failures for one account, or from one address, within 15 minutes lock
// further attempts. Each test signs in from its own client address (X-Forwarded-For, with the
// e2e server trusting one proxy hop), so the locks never reach the other tests on 127.0.0.1.
import { expect, test, type Browser } from '@playwright/test';
import { ADMIN, LOCKED, WRONG_PASSWORD } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { messages, rendered } from './support/messages';
import { signIn, signInForm } from './support/session';
import { createUser } from './support/users';

const m = messages.en.signIn;

async function visitorFrom(browser: Browser, address: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } });
  const page = await context.newPage();
  await page.goto('/en/sign-in');
  const form = signInForm(page, 'en');
  const submit = async (email: string, password: string) => {
    await form.email.fill(email);
    await form.password.fill(password);
    await form.submit.click();
  };
  /** A refused attempt: wait for the answer (the form resets its password field) before the next. */
  const attempt = async (email: string, password: string) => {
    await submit(email, password);
    await expect(form.password).toHaveValue('');
  };
  return { context, page, submit, attempt, invalid: form.alert(rendered(m.invalid)), locked: form.alert(rendered(m.locked)) };
}

test('five failed sign-ins lock the account with a clear message', async ({ page, browser }) => {
  // Eight password checks (argon2id, deliberately slow): 32 s on a loaded CI machine.
  test.slow();
  await signIn(page, 'en', ADMIN);
  await createUser(page, { ...LOCKED, role: 'analyst' });

  const visitor = await visitorFrom(browser, '198.51.100.21');
  for (let n = 1; n <= 5; n++) {
    await visitor.attempt(LOCKED.email, WRONG_PASSWORD);
    // The fifth failure is the one that locks, and says so.
    await expect(n < 5 ? visitor.invalid : visitor.locked, `after failure ${n}`).toBeVisible();
  }
  await visitor.attempt(LOCKED.email, LOCKED.password);
  await expect(visitor.locked, 'the right password is refused while locked').toBeVisible();
  await expect(visitor.page).toHaveURL(/\/en\/sign-in/);
  await expectAxeClean(visitor.page);
  await visitor.context.close();

  // The lock belongs to that account: the admin, from another address, still signs in.
  const other = await visitorFrom(browser, '198.51.100.22');
  await other.submit(ADMIN.email, ADMIN.password);
  await expect(other.page).toHaveURL(/\/[a-z]{2}\/health$/);
  await other.context.close();
});

test('five failed sign-ins from one address lock that address, whichever accounts they tried', async ({ browser }) => {
  const visitor = await visitorFrom(browser, '198.51.100.31');
  for (let n = 1; n <= 5; n++) {
    await visitor.attempt(`nobody-${n}@example.com`, WRONG_PASSWORD);
    await expect(n < 5 ? visitor.invalid : visitor.locked, `after failure ${n}`).toBeVisible();
  }
  await visitor.attempt(ADMIN.email, ADMIN.password);
  await expect(visitor.locked, 'a valid account is refused from the locked address').toBeVisible();
  await visitor.context.close();
});
