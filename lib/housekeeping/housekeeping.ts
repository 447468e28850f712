import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import { jobRuns, performanceCache, signInAttempts } from '../../db/schema';
import type { DbOrTx } from '../../db/types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Job history stays visible on the jobs page for a month. */
export const JOB_RUN_RETENTION_MS = 30 * DAY_MS;
/** The lock-out rule only looks back minutes; a day is plenty for investigating an attack. */
export const SIGN_IN_ATTEMPT_RETENTION_MS = DAY_MS;

export interface HousekeepingResult {
  expiredCacheRows: number;
  oldJobRuns: number;
  oldSignInAttempts: number;
}

// Counting inside the statement avoids shipping every deleted id back to the app, and sidesteps
// the drivers' different ways of reporting affected rows.
async function deleteCounting(db: DbOrTx, deleteStatement: SQL): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`with deleted as (${deleteStatement} returning 1) select count(*)::int as count from deleted`,
  );
  return Number(row?.count ?? 0);
}

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** Deletes expired cache entries, month-old finished job runs and day-old sign-in attempts. */
export async function runHousekeeping(db: DbOrTx, { now }: { now: Date }): Promise<HousekeepingResult> {
  const jobRunCutoff = new Date(now.getTime() - JOB_RUN_RETENTION_MS);
  const attemptCutoff = new Date(now.getTime() - SIGN_IN_ATTEMPT_RETENTION_MS);

  const expiredCacheRows = await deleteCounting(
    db,
    sql`delete from ${performanceCache} where ${performanceCache.expiresAt} < ${at(now)}`,
  );
  // Only finished runs: a row still 'running' is either live or for the scheduler to mark stale.
  const oldJobRuns = await deleteCounting(
    db,
    sql`delete from ${jobRuns} where ${jobRuns.startedAt} < ${at(jobRunCutoff)} and ${jobRuns.finishedAt} is not null`,
  );
  const oldSignInAttempts = await deleteCounting(
    db,
    sql`delete from ${signInAttempts} where ${signInAttempts.attemptedAt} < ${at(attemptCutoff)}`,
  );
  return { expiredCacheRows, oldJobRuns, oldSignInAttempts };
}
