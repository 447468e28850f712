import { getFormatter, getTranslations } from 'next-intl/server';
import type { FormState } from '@/components/forms/form-state';
import type { JobSummary } from '@/lib/jobs/queries';
import { JobStatus } from './JobStatus';
import { RunNowButton } from './RunNowButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export async function JobSummaryTable({ summaries, runNowAction }: { summaries: JobSummary[]; runNowAction?: Action }) {
  const t = await getTranslations('jobs');
  const format = await getFormatter();
  const when = (date: Date) => (
    <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
  );
  return (
    <div className="mb-10 overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-start text-lg font-semibold">{t('definitionsCaption')}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="p-2 text-start">{t('job')}</th>
            <th scope="col" className="p-2 text-start">{t('schedule')}</th>
            <th scope="col" className="p-2 text-start">{t('lastRun')}</th>
            <th scope="col" className="p-2 text-start">{t('nextRun')}</th>
            {runNowAction && <th scope="col" className="p-2 text-start"><span className="sr-only">{t('runNowColumn')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {summaries.map((job) => {
            const name = t.has(`names.${job.id}` as never) ? t(`names.${job.id}` as never) : job.id;
            return (
              <tr key={job.id} className="border-b border-line align-top">
                <th scope="row" className="p-2 text-start">
                  <span className="font-medium">{name}</span>
                  <span className="block font-normal text-muted">{t.has(`descriptions.${job.id}` as never) ? t(`descriptions.${job.id}` as never) : job.description}</span>
                </th>
                <td className="p-2 font-mono"><bdi>{job.cron}</bdi></td>
                <td className="p-2">
                  {job.lastRun ? (
                    <>
                      <JobStatus status={job.lastRun.status} /> <span className="block">{when(job.lastRun.startedAt)}</span>
                    </>
                  ) : (
                    t('never')
                  )}
                </td>
                <td className="p-2">{job.nextRunAt ? when(job.nextRunAt) : '—'}</td>
                {runNowAction && (
                  <td className="p-2">
                    <RunNowButton jobId={job.id} jobName={name} action={runNowAction} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
