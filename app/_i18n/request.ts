import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { getCurrentUser } from '../_server/session';
import { MESSAGES } from '@/lib/i18n/messages';
import { routing } from './routing';

/**
 * next-intl's per-request config. The signed-in user's time zone applies to every date the
 * console shows; visitors (setup, sign-in) get UTC.
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const user = await getCurrentUser().catch(() => null);
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: user?.timeZone ?? 'UTC',
  };
});
