import { createHash } from 'node:crypto';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import { jobRuns } from '../../db/schema';
import type { Db } from '../../db/types';
import type { JobDefinition } from './definitions';

/** A 'running' row older than this is taken to belong to a process that died mid-run. */
export const STALE_RUN_MS = 60 * 60 * 1000;

// First key of the two-int advisory lock: keeps job locks apart from any other advisory
// locks the application may take. ASCII "JOBS".
const LOCK_NAMESPACE = 0x4a4f4253;

/** Second lock key: a stable 32-bit hash of the function id, the same in every instance. */
export function advisoryLockKey(functionId: string): number {
  return createHash('sha256').update(functionId).digest().readInt32BE(0);
}

export type ClaimResult =
  | { status: 'claimed'; runId: string; startedAt: Date }
  | { status: 'locked' | 'overlap' | 'taken' };

/**
 * Claims one cron tick for this instance, in one transaction:
 * - the advisory lock makes instances take turns, so the overlap check and the insert
 *   below cannot interleave (an instance that finds it held simply skips: another one
 *   is claiming right now);
 * - a still-running earlier run means skip (no overlapping runs); one older than
 *   STALE_RUN_MS is marked failed instead, as its process is gone;
 * - the insert with ON CONFLICT (function_id, scheduled_for) DO NOTHING succeeds for one
 *   instance only, even for a claim that arrives after the lock was released.
 */
export async function claimTick(
  db: Db,
  definition: JobDefinition,
  scheduledFor: Date,
  now: () => Date,
): Promise<ClaimResult> {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${LOCK_NAMESPACE}::int4, ${advisoryLockKey(definition.id)}::int4) as locked`,
    );
    if (!lock?.locked) return { status: 'locked' };

    const startedAt = now();
    const staleBefore = new Date(startedAt.getTime() - STALE_RUN_MS);
    const running = and(eq(jobRuns.functionId, definition.id), eq(jobRuns.status, 'running'));
    await tx
      .update(jobRuns)
      .set({ status: 'failed', finishedAt: startedAt, error: 'Abandoned: still running after an hour' })
      .where(and(running, lt(jobRuns.startedAt, staleBefore)));
    const live = await tx
      .select({ id: jobRuns.id })
      .from(jobRuns)
      .where(and(running, gte(jobRuns.startedAt, staleBefore)))
      .limit(1);
    if (live.length > 0) return { status: 'overlap' };

    const [row] = await tx
      .insert(jobRuns)
      .values({
        functionId: definition.id,
        trigger: 'cron',
        engine: 'in_process',
        scheduledFor,
        startedAt,
        status: 'running',
      })
      .onConflictDoNothing({ target: [jobRuns.functionId, jobRuns.scheduledFor] })
      .returning({ id: jobRuns.id });
    return row ? { status: 'claimed', runId: row.id, startedAt } : { status: 'taken' };
  });
}
