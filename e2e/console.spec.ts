// Every area of the console, reached the way a user reaches it: through the navigation. In a
// left-to-right and a right-to-left locale, with an axe scan of every page.
import { expect, test } from '@playwright/test';
import { ADMIN } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { exactly, messages, rendered, type Locale } from './support/messages';
import { expectHtmlLocale, heading, signIn, signOut } from './support/session';

const AREAS = [
  ['health', '/health'],
  ['alerts', '/alerts'],
  ['performance', '/performance'],
  ['cache', '/cache'],
  ['testing', '/testing'],
  ['security', '/security'],
  ['analytics', '/analytics'],
  ['audit', '/audit'],
  ['jobs', '/jobs'],
  ['settings', '/settings'],
] as const;

for (const locale of ['en', 'ar'] as const satisfies readonly Locale[]) {
  const m = messages[locale];

  test(`sign in, every area from the navigation, sign out (${locale})`, async ({ page }) => {
    // Fourteen pages, each scanned by axe: about 10 s on an idle machine, 50 s on a busy CI box.
    test.slow();
    await test.step('the sign-in page is in the locale and accessible', async () => {
      await page.goto(`/${locale}/sign-in`);
      await expectHtmlLocale(page, locale);
      await expect(heading(page, m.signIn.title)).toBeVisible();
      await expectAxeClean(page);
    });

    await signIn(page, locale, ADMIN);
    await page.goto(`/${locale}/health`);
    await expectHtmlLocale(page, locale);
    const nav = page.getByRole('navigation', { name: exactly(m.nav.label) });

    for (const [area, path] of AREAS) {
      await test.step(`${area}: reached from the navigation, one h1, no axe violations`, async () => {
        const link = nav.getByRole('link', { name: exactly(m.nav[area]) });
        await link.click();
        await expect(page).toHaveURL(new RegExp(`/${locale}${path}$`));
        // The h1 names the area; an area with sub-views may add the view ("Analytics: Revenue").
        const areaTitle = m.nav[area].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        await expect.soft(page.getByRole('heading', { level: 1, name: new RegExp(`^\\s*${areaTitle}(\\s*:.*)?\\s*$`) })).toBeVisible();
        await expect.soft(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        await expect.soft(link).toHaveAttribute('aria-current', 'page');
        await expect.soft(page.getByRole('main')).toBeVisible();
        await expectAxeClean(page);
      });
    }

    await test.step('settings > users', async () => {
      const response = await page.goto(`/${locale}/settings/users`);
      expect(response?.status()).toBe(200);
      await expect.soft(heading(page, m.settingsUsers.title)).toBeVisible();
      await expectAxeClean(page);
    });

    await test.step('profile, from the header', async () => {
      await page.getByRole('banner').getByRole('link', { name: rendered(m.common.profileOf) }).click();
      await expect.soft(heading(page, m.profile.title)).toBeVisible();
      await expectAxeClean(page);
    });

    await test.step('an unknown address gets the 404 page', async () => {
      const response = await page.goto(`/${locale}/no-such-page`);
      expect(response?.status()).toBe(404);
      await expect.soft(heading(page, m.notFound.title)).toBeVisible();
      await expectAxeClean(page);
    });

    await test.step('sign out returns to sign-in, and the console is closed again', async () => {
      await page.goto(`/${locale}/health`);
      await signOut(page, locale);
      await page.goto(`/${locale}/health`);
      await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in`));
    });
  });
}
