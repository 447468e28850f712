'use client';

import { useLocale, useTranslations } from 'next-intl';
import { usePathname } from '@/app/_i18n/navigation';
import { LOCALES, LOCALE_NAMES } from '@/lib/i18n/config';

type Action = (data: FormData) => Promise<void>;

/**
 * A select plus an explicit button: changing the language moves the page, so it must not
 * happen merely because the selection changed (WCAG 3.2.2).
 */
export function LocaleSwitcher({ action }: { action: Action }) {
  const t = useTranslations('common');
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <form action={action} className="flex items-end gap-2">
      <input type="hidden" name="path" value={pathname} />
      <div className="flex flex-col">
        <label htmlFor="locale-switcher" className="text-sm">
          {t('language')}
        </label>
        <select
          id="locale-switcher"
          name="locale"
          defaultValue={locale}
          className="rounded-md border border-field bg-canvas px-2 py-1 text-ink"
        >
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md border border-field px-3 py-1">
        {t('changeLanguage')}
      </button>
    </form>
  );
}
