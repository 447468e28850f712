'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Link } from '@/app/_i18n/navigation';

type Counts = Record<'info' | 'warning' | 'critical', number>;
const REFRESH_MS = 30_000;

/**
 * Open alert counts in the header. The region is polite: a screen reader hears the new
 * counts when they change, after what it is reading. Symbols and words, not colour alone.
 */
export function AlertCountsLive({ initial, refresh }: { initial: Counts; refresh: () => Promise<Counts> }) {
  const t = useTranslations('alertCenter');
  const [counts, setCounts] = useState(initial);
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      refresh().then(setCounts, () => {});
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return (
    <Link href="/alerts?status=open" className="rounded-md border border-field px-3 py-1 no-underline" data-testid="header-alert-counts">
      <span className="sr-only">{t('headerCounts')}: </span>
      <span aria-live="polite" aria-atomic="true" className="inline-flex gap-3">
        <span className={counts.critical ? 'font-semibold text-danger' : ''}>
          <span aria-hidden="true">▲ </span>
          {t('headerCritical', { count: counts.critical })}
        </span>
        <span className={counts.warning ? 'font-semibold text-warning' : ''}>
          <span aria-hidden="true">◆ </span>
          {t('headerWarning', { count: counts.warning })}
        </span>
        <span>
          <span aria-hidden="true">● </span>
          {t('headerInfo', { count: counts.info })}
        </span>
      </span>
    </Link>
  );
}
