import { getFormatter, getTranslations } from 'next-intl/server';
import type { JobRun } from '@/db/schema';
import { JobStatus } from './JobStatus';

export async function JobRunsTable({ runs, nextHref, firstPageHref }: { runs: JobRun[]; nextHref?: string; firstPageHref?: string }) {
  const t = await getTranslations('jobs');
  const format = await getFormatter();
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-start text-lg font-semibold">{t('runsCaption')}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="p-2 text-start">{t('job')}</th>
            <th scope="col" className="p-2 text-start">{t('started')}</th>
            <th scope="col" className="p-2 text-start">{t('duration')}</th>
            <th scope="col" className="p-2 text-start">{t('trigger')}</th>
            <th scope="col" className="p-2 text-start">{t('engine')}</th>
            <th scope="col" className="p-2 text-start">{t('status')}</th>
            <th scope="col" className="p-2 text-start">{t('error')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className="border-b border-line align-top">
              <td className="p-2">{t.has(`names.${run.functionId}` as never) ? t(`names.${run.functionId}` as never) : run.functionId}</td>
              <td className="whitespace-nowrap p-2">
                <time dateTime={run.startedAt.toISOString()}>{format.dateTime(run.startedAt, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
              </td>
              <td className="p-2">
                {run.finishedAt
                  ? format.number((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000, { style: 'unit', unit: 'second', maximumFractionDigits: 2 })
                  : '—'}
              </td>
              <td className="p-2">{t(`triggers.${run.trigger}`)}</td>
              <td className="p-2">{t(`engines.${run.engine}`)}</td>
              <td className="p-2"><JobStatus status={run.status} /></td>
              <td className="max-w-md break-words p-2">{run.error ? <bdi>{run.error}</bdi> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label={t('pagination')} className="mt-4 flex gap-4">
        {firstPageHref && <a href={firstPageHref} className="text-accent underline">{t('newest')}</a>}
        {nextHref && <a href={nextHref} className="text-accent underline">{t('older')}</a>}
      </nav>
    </div>
  );
}
