// Dark mode and high contrast are saved per user, and every combination passes axe (contrast
// rules included), as does the system dark scheme.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, PREFS } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { exactly, messages, rendered } from './support/messages';
import { heading, signIn } from './support/session';
import { createUser } from './support/users';

const en = messages.en;

async function savePreferences(page: Page, theme: 'system' | 'light' | 'dark', highContrast: boolean) {
  await page.goto('/en/profile');
  await page.getByLabel(en.profile.theme, { exact: true }).selectOption(theme);
  await page.getByLabel(en.profile.highContrast, { exact: true }).setChecked(highContrast);
  await page.getByRole('button', { name: exactly(en.profile.save) }).click();
  await expect(page.getByRole('alert').filter({ hasText: rendered(en.profile.saved) })).toBeVisible();
}

test('theme and high contrast are saved per user, and each look passes axe', async ({ page, browser }) => {
  // Four sign-ins, four saves and nine axe scans.
  test.slow();
  await signIn(page, 'en', ADMIN);
  await createUser(page, { ...PREFS, role: 'analyst' });

  const context = await browser.newContext();
  const pat = await context.newPage();
  await signIn(pat, 'en', PREFS);
  const html = pat.locator('html');

  await test.step('the profile is reached from the header and is accessible', async () => {
    await pat.getByRole('banner').getByRole('link', { name: rendered(en.common.profileOf) }).click();
    await expect(heading(pat, en.profile.title)).toBeVisible();
    await expectAxeClean(pat);
  });

  for (const [theme, highContrast] of [
    ['dark', true],
    ['dark', false],
    ['light', true],
  ] as const) {
    await test.step(`${theme}${highContrast ? ' + high contrast' : ''}`, async () => {
      await savePreferences(pat, theme, highContrast);
      await pat.goto('/en/audit');
      await expect(html).toHaveClass(new RegExp(`\\b${theme}\\b`));
      if (highContrast) await expect(html).toHaveClass(/\bhc\b/);
      else await expect(html).not.toHaveClass(/\bhc\b/);
      await expectAxeClean(pat);
      await pat.goto('/en/profile');
      await expectAxeClean(pat);
    });
  }

  await test.step('the preference follows the user to another browser', async () => {
    const elsewhere = await browser.newContext();
    const other = await elsewhere.newPage();
    await signIn(other, 'en', PREFS);
    await expect(other.locator('html')).toHaveClass(/\blight\b/);
    await expect(other.locator('html')).toHaveClass(/\bhc\b/);
    await elsewhere.close();
  });

  await test.step('"follow the system" with a dark system scheme passes axe', async () => {
    await savePreferences(pat, 'system', false);
    const darkSystem = await browser.newContext({ colorScheme: 'dark' });
    const dark = await darkSystem.newPage();
    await signIn(dark, 'en', PREFS);
    await expect(dark.locator('html')).not.toHaveClass(/\b(dark|light|hc)\b/);
    await expectAxeClean(dark);
    await dark.goto('/en/jobs');
    await expectAxeClean(dark);
    await darkSystem.close();
  });

  await context.close();
});
