import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requirePermission } from '@/app/_server/session';
import { JobRunsTable } from '@/components/jobs/JobRunsTable';
import { JobSummaryTable } from '@/components/jobs/JobSummaryTable';
import { EmptyState } from '@/components/shell/EmptyState';
import { PageHeader } from '@/components/shell/PageHeader';
import { can } from '@/lib/auth/permissions';
import { env, inngestConfigured } from '@/lib/config/env';
import { getDb } from '@/lib/db/database';
import { jobSummaries, listJobRuns } from '@/lib/jobs/queries';
import { runJobNowAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('jobs') };
}

// The cursor of the next page: "<ISO started_at>_<run uuid>".
const cursorSchema = z
  .string()
  .regex(/^[\d\-T:.Z]+_[0-9a-f-]{36}$/)
  .transform((value) => {
    const [startedAt, id] = value.split('_') as [string, string];
    return { startedAt: new Date(startedAt), id };
  })
  .refine((cursor) => !Number.isNaN(cursor.startedAt.getTime()))
  .optional()
  .catch(undefined);

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('console.read');
  const { before } = await searchParams;
  const cursor = cursorSchema.parse(typeof before === 'string' ? before : undefined);
  const db = await getDb();
  const [summaries, page] = await Promise.all([jobSummaries(db), listJobRuns(db, { limit: 50, before: cursor })]);
  const t = await getTranslations('jobs');
  const nav = await getTranslations('nav');
  const engine = inngestConfigured() ? t('engineInngest') : env().JOBS_IN_PROCESS ? t('engineInProcess') : t('engineOff');
  const next = page.nextCursor ? `?before=${page.nextCursor.startedAt.toISOString()}_${page.nextCursor.id}` : undefined;
  return (
    <>
      <PageHeader title={nav('jobs')} description={t('description')} />
      <p className="mb-6 rounded-md border border-line bg-surface p-3">{engine}</p>
      <JobSummaryTable summaries={summaries} runNowAction={can(user.role, 'jobs.run') ? runJobNowAction : undefined} />
      {page.runs.length === 0 ? (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <JobRunsTable runs={page.runs} nextHref={next} firstPageHref={cursor ? '?' : undefined} />
      )}
    </>
  );
}
