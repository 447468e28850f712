import { sql, type SQL } from 'drizzle-orm';
import { monitorCheckHours, monitorChecks, type MonitorStatus } from '../../db/schema';
import type { DbOrTx } from '../../db/types';

export const HOUR_MS = 60 * 60 * 1000;

/** A check counts towards uptime when it got an answer: 'up' or 'degraded' (slow is still an answer). */
const okStatus = (status: SQL) => sql`${status} in ('up', 'degraded')`;

/** The UTC hour a timestamp falls in; the same expression fills monitor_check_hours in migration 0009. */
const hourOf = (at: SQL) => sql`date_bin('1 hour', ${at}, timestamptz '2000-01-01 00:00:00+00')`;

export interface NewMonitorCheck {
  monitorId: string;
  checkedAt: Date;
  status: MonitorStatus;
  responseMs?: number | null;
  httpStatus?: number | null;
  error?: string | null;
}

/**
 * The one way checks are written: inserts them into monitor_checks and adds them to their
 * hours in monitor_check_hours, in ONE statement, so the counts can never miss a check that
 * was kept (or count one that was not). The hours are an upsert that adds to the stored
 * counts: two instances recording checks of one hour at once both land, the second waiting for
 * the first's row lock and then adding to its result. Hours go in key order, so two multi-row
 * writers lock them in the same order and cannot deadlock each other.
 */
export async function insertMonitorChecks(db: DbOrTx, checks: readonly NewMonitorCheck[]): Promise<number> {
  if (checks.length === 0) return 0;
  const inserted = db
    .insert(monitorChecks)
    .values([...checks])
    .returning({ monitorId: monitorChecks.monitorId, checkedAt: monitorChecks.checkedAt, status: monitorChecks.status });
  await db.execute(sql`
    with inserted as (${inserted.getSQL()})
    insert into ${monitorCheckHours} (monitor_id, hour_start, checks, ok)
    select monitor_id, ${hourOf(sql`checked_at`)}, count(*), count(*) filter (where ${okStatus(sql`status`)})
    from inserted group by 1, 2 order by 1, 2
    on conflict (monitor_id, hour_start) do update
      set checks = ${monitorCheckHours}.checks + excluded.checks, ok = ${monitorCheckHours}.ok + excluded.ok`);
  return checks.length;
}

/**
 * Recounts monitor_check_hours from monitor_checks, replacing what is stored, for writers that
 * bulk-load checks with their own SQL (benchmarks). Not for a live database: a check recorded
 * while this runs may be counted twice or not at all.
 */
export async function recountMonitorCheckHours(db: DbOrTx): Promise<void> {
  await db.execute(sql`
    insert into ${monitorCheckHours} (monitor_id, hour_start, checks, ok)
    select monitor_id, ${hourOf(sql`checked_at`)}, count(*), count(*) filter (where ${okStatus(sql`status`)})
    from ${monitorChecks} group by 1, 2
    on conflict (monitor_id, hour_start) do update set checks = excluded.checks, ok = excluded.ok`);
}
