'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useRef, useState } from 'react';
import { shouldAnnounce } from './announce';

export const REFRESH_EVERY_MS = 10_000;

/**
 * Re-renders the page's server components every 10 s (router.refresh: no reload, focus,
 * scroll and open tables stay as they are), with a Pause button. The visible "updated at"
 * changes on every refresh; the polite live region speaks at most once a minute.
 */
export function LiveRefresh({ generatedAt }: { generatedAt: number }) {
  const t = useTranslations('health.live');
  const format = useFormatter();
  const router = useRouter();
  const [paused, setPaused] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // The page as loaded is read anyway; the first announcement comes a minute later.
  const lastAnnounced = useRef<number | null>(null);
  const time = format.dateTime(new Date(generatedAt), { timeStyle: 'medium' });

  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => {
      // A tab nobody looks at need not keep the server busy.
      if (document.visibilityState === 'hidden') return;
      startTransition(() => router.refresh());
    }, REFRESH_EVERY_MS);
    return () => clearInterval(timer);
  }, [paused, router]);

  useEffect(() => {
    const now = Date.now();
    if (lastAnnounced.current === null) {
      lastAnnounced.current = now;
      return;
    }
    if (!shouldAnnounce(lastAnnounced.current, now)) return;
    lastAnnounced.current = now;
    setAnnouncement(t('announcement', { time }));
  }, [generatedAt, t, time]);

  return (
    <div className="flex flex-wrap items-center gap-3">
      <p className="text-sm">
        <span className="font-medium">{paused ? t('paused') : t('live')}</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="health-updated-at">
          {t('updatedAt', { time })}
        </span>
      </p>
      <button
        type="button"
        aria-pressed={paused}
        onClick={() => setPaused((value) => !value)}
        className="inline-flex items-center gap-2 rounded-md border border-field px-3 py-1 aria-pressed:bg-surface aria-pressed:font-semibold"
      >
        <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" className="fill-current">
          {paused ? <path d="M2 1l9 5-9 5z" /> : <path d="M2 1h3v10H2zM7 1h3v10H7z" />}
        </svg>
        {t('pause')}
      </button>
      <div role="status" className="sr-only">
        {announcement}
      </div>
    </div>
  );
}
