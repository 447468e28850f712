import { desc, inArray, sql } from 'drizzle-orm';
import { jobRuns, type JobRun } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import { nextCronRun } from './cron';
import { jobDefinitions, type JobDefinition } from './definitions';

export interface JobRunCursor {
  startedAt: Date;
  id: string;
}

export interface JobRunPage {
  runs: JobRun[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: JobRunCursor | null;
}

const MAX_PAGE = 200;

// Postgres keeps microseconds, a JS Date milliseconds: comparing and ordering on the
// millisecond value keeps a cursor built from a returned row exact, so paging never
// repeats or skips a row. The table stays small (30 days), so losing the index is fine.
const startedAtMs = sql`date_trunc('milliseconds', ${jobRuns.startedAt})`;

/** Job runs, newest first, one page at a time (keyset paging on started_at, id). */
export async function listJobRuns(
  db: DbOrTx,
  { limit, before }: { limit: number; before?: JobRunCursor },
): Promise<JobRunPage> {
  const size = Math.min(Math.max(Math.trunc(limit), 1), MAX_PAGE);
  const rows = await db
    .select()
    .from(jobRuns)
    .where(
      before
        ? sql`(${startedAtMs}, ${jobRuns.id}) < (${before.startedAt.toISOString()}::timestamptz, ${before.id}::uuid)`
        : undefined,
    )
    .orderBy(desc(startedAtMs), desc(jobRuns.id))
    .limit(size + 1);
  const runs = rows.slice(0, size);
  const last = runs.at(-1);
  return {
    runs,
    nextCursor: rows.length > size && last ? { startedAt: last.startedAt, id: last.id } : null,
  };
}

export interface JobSummary {
  id: string;
  description: string;
  cron: string;
  lastRun: Pick<JobRun, 'id' | 'status' | 'trigger' | 'engine' | 'startedAt' | 'finishedAt' | 'error'> | null;
  /** The next cron tick after `now`, whichever engine will run it. */
  nextRunAt: Date | null;
}

/** One line per declared job: its latest run and its next tick. */
export async function jobSummaries(
  db: DbOrTx,
  { now = new Date(), definitions = jobDefinitions }: { now?: Date; definitions?: readonly JobDefinition[] } = {},
): Promise<JobSummary[]> {
  const ids = definitions.map((definition) => definition.id);
  const latest =
    ids.length === 0
      ? []
      : await db
          .selectDistinctOn([jobRuns.functionId], {
            functionId: jobRuns.functionId,
            id: jobRuns.id,
            status: jobRuns.status,
            trigger: jobRuns.trigger,
            engine: jobRuns.engine,
            startedAt: jobRuns.startedAt,
            finishedAt: jobRuns.finishedAt,
            error: jobRuns.error,
          })
          .from(jobRuns)
          .where(inArray(jobRuns.functionId, ids))
          .orderBy(jobRuns.functionId, desc(jobRuns.startedAt), desc(jobRuns.id));
  const byId = new Map(latest.map(({ functionId, ...run }) => [functionId, run]));
  return definitions.map((definition) => ({
    id: definition.id,
    description: definition.description,
    cron: definition.cron,
    lastRun: byId.get(definition.id) ?? null,
    nextRunAt: nextCronRun(definition.cron, now),
  }));
}
