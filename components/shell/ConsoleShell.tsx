import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Link } from '@/app/_i18n/navigation';
import { HeaderAlertCounts } from '@/app/[locale]/(console)/alerts/header-counts';
import { LocaleSwitcher } from './LocaleSwitcher';
import { NavLinks } from './NavLinks';
import type { AreaKey } from './areas';

interface ConsoleShellProps {
  children: ReactNode;
  areas: ReadonlyArray<{ key: AreaKey; href: string }>;
  user: { displayName: string; role: string };
  signOutAction: () => Promise<void>;
  switchLocaleAction: (data: FormData) => Promise<void>;
}

/** Skip link, banner, navigation and main landmark shared by every console page. */
export async function ConsoleShell({ children, areas, user, signOutAction, switchLocaleAction }: ConsoleShellProps) {
  const t = await getTranslations('common');
  const nav = await getTranslations('nav');
  return (
    <>
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <header className="flex flex-wrap items-center justify-between gap-4 border-b border-line px-4 py-3">
        <Link href="/health" className="text-lg font-bold">
          {t('product')}
        </Link>
        <div className="flex flex-wrap items-end gap-4">
          <HeaderAlertCounts />
          <LocaleSwitcher action={switchLocaleAction} />
          <Link href="/profile" className="underline">
            {t('profileOf', { name: user.displayName })}
          </Link>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-field px-3 py-1">
              {t('signOut')}
            </button>
          </form>
        </div>
      </header>
      <div className="flex flex-col md:flex-row">
        <nav aria-label={nav('label')} className="border-line p-3 md:w-56 md:border-e">
          <NavLinks areas={areas} />
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-6 focus:outline-none">
          {children}
        </main>
      </div>
    </>
  );
}
