import { getFormatter, getTranslations } from 'next-intl/server';
import type { AuditListEntry } from '@/lib/audit/queries';
import { ActorCell } from './ActorCell';

export async function AuditTable({
  entries,
  detailHref,
  nextHref,
  firstPageHref,
}: {
  entries: AuditListEntry[];
  detailHref: (id: number) => string;
  nextHref?: string;
  firstPageHref?: string;
}) {
  const t = await getTranslations('audit');
  const format = await getFormatter();
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-start text-sm">
        <caption className="mb-2 text-start font-semibold">{t('caption')}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="p-2 text-start">{t('entry')}</th>
            <th scope="col" className="p-2 text-start">{t('time')}</th>
            <th scope="col" className="p-2 text-start">{t('actor')}</th>
            <th scope="col" className="p-2 text-start">{t('action')}</th>
            <th scope="col" className="p-2 text-start">{t('target')}</th>
            <th scope="col" className="p-2 text-start">{t('outcome')}</th>
            <th scope="col" className="p-2 text-start">{t('ip')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-b border-line align-top">
              <td className="p-2">
                <a href={detailHref(entry.id)} className="text-accent underline" aria-label={t('detailsOf', { id: String(entry.id) })}>
                  {format.number(entry.id, { useGrouping: false })}
                </a>
              </td>
              <td className="whitespace-nowrap p-2">
                <time dateTime={entry.createdAt.toISOString()}>
                  {format.dateTime(entry.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}
                </time>
              </td>
              <td className="p-2">
                <ActorCell actorType={entry.actorType} actorId={entry.actorId} actorEmail={entry.actorEmail} />
              </td>
              <td className="p-2 font-mono">
                <bdi>{entry.action}</bdi>
              </td>
              <td className="p-2">
                {entry.targetType ? <bdi>{`${entry.targetType}${entry.targetId ? `: ${entry.targetId}` : ''}`}</bdi> : '—'}
              </td>
              <td className="whitespace-nowrap p-2">{t(`outcomes.${entry.outcome}`)}</td>
              <td className="p-2">{entry.ip ? <bdi>{entry.ip}</bdi> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label={t('pagination')} className="mt-4 flex gap-4">
        {firstPageHref && (
          <a href={firstPageHref} className="text-accent underline">
            {t('newest')}
          </a>
        )}
        {nextHref && (
          <a href={nextHref} className="text-accent underline">
            {t('older')}
          </a>
        )}
      </nav>
    </div>
  );
}
