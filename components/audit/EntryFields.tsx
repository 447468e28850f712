import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { AuditEntryDetail } from '@/lib/audit/queries';
import { ActorCell } from './ActorCell';

/** Who, what, when and where of one entry, as a description list. */
export async function EntryFields({ entry }: { entry: AuditEntryDetail }) {
  const t = await getTranslations('audit');
  const format = await getFormatter();
  const rows: [string, ReactNode][] = [
    [
      t('time'),
      <time key="time" dateTime={entry.createdAt.toISOString()}>
        {format.dateTime(entry.createdAt, { dateStyle: 'full', timeStyle: 'long' })}
      </time>,
    ],
    [t('detail.timeUtc'), <bdi key="utc" className="font-mono">{entry.createdAt.toISOString()}</bdi>],
    [t('actor'), <ActorCell key="actor" actorType={entry.actorType} actorId={entry.actorId} actorEmail={entry.actorEmail} />],
    [t('action'), <bdi key="action" className="font-mono">{entry.action}</bdi>],
    [t('target'), entry.targetType ? <bdi key="target">{`${entry.targetType}${entry.targetId ? `: ${entry.targetId}` : ''}`}</bdi> : '—'],
    [t('outcome'), t(`outcomes.${entry.outcome}`)],
    [t('detail.requestId'), entry.requestId ? <bdi key="request" className="font-mono">{entry.requestId}</bdi> : '—'],
    [t('ip'), entry.ip ? <bdi key="ip">{entry.ip}</bdi> : '—'],
    [t('detail.userAgent'), entry.userAgent ? <bdi key="ua" className="break-all">{entry.userAgent}</bdi> : '—'],
  ];
  return (
    <dl className="grid max-w-4xl grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium">{term}</dt>
          <dd className="min-w-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
