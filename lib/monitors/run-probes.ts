import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { monitors, productionMetrics, type Monitor } from '../../db/schema';
import type { Db, DbOrTx } from '../../db/types';
import { databaseErrorCode } from '../../db/errors';
import { getSetting } from '../settings/settings';
import { insertMonitorChecks } from './checks';
import { probeOnce, type ProbeOptions, type ProbeResult, type ProbeTarget } from './probe';

/** Probes running at once per job run: enough to overlap slow targets, few enough for 2 cores. */
export const PROBE_CONCURRENCY = 8;
/** Monitors claimed per run; the rest stay due for the next tick. */
export const MAX_CLAIM = 200;
/**
 * Cron ticks arrive a little late or early. A monitor due within this margin of the tick is
 * probed now; otherwise a 60 s monitor on a 60 s tick would skip every other minute.
 */
export const DUE_GRACE_MS = 5_000;

export const MONITOR_METRIC_TYPE = 'monitor_response_time';
export const monitorEndpoint = (id: string) => `monitor:${id}`;

/**
 * Claims the due monitors and moves their next_check_at one interval ahead in the same
 * statement. FOR UPDATE SKIP LOCKED in the subquery means two instances running this at the
 * same moment each get a disjoint set; a row that another run has just claimed and committed
 * is re-checked against the WHERE clause (READ COMMITTED re-evaluation) and is no longer due.
 */
export async function claimDueMonitors(db: DbOrTx, now: Date, limit = MAX_CLAIM): Promise<Monitor[]> {
  const dueBy = new Date(now.getTime() + DUE_GRACE_MS);
  const due = db
    .select({ id: monitors.id })
    .from(monitors)
    .where(and(eq(monitors.isActive, true), lte(monitors.nextCheckAt, dueBy)))
    .orderBy(asc(monitors.nextCheckAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(monitors)
    .set({ nextCheckAt: sql`${now.toISOString()}::timestamptz + make_interval(secs => ${monitors.intervalSeconds})` })
    .where(and(inArray(monitors.id, due), eq(monitors.isActive, true), lte(monitors.nextCheckAt, dueBy)))
    .returning();
}

/**
 * Keeps one check: the monitor_checks row with its hour's count, the monitor's latest result,
 * and a production_metrics point (monitor_response_time, endpoint monitor:<id>) so monitors
 * show up in metrics and alert rules can use them. One transaction: all three or none.
 */
export async function recordCheck(db: Db, monitor: Pick<Monitor, 'id' | 'name'>, result: ProbeResult, checkedAt: Date): Promise<boolean> {
  const responseMs = result.httpStatus === null ? null : result.elapsedMs;
  try {
    await db.transaction(async (tx) => {
      await insertMonitorChecks(tx, [{ monitorId: monitor.id, checkedAt, status: result.status, responseMs, httpStatus: result.httpStatus, error: result.error }]);
      await tx
        .update(monitors)
        .set({
          lastCheckedAt: checkedAt,
          lastStatus: result.status,
          lastResponseMs: responseMs,
          consecutiveFailures: result.status === 'down' ? sql`${monitors.consecutiveFailures} + 1` : 0,
        })
        .where(eq(monitors.id, monitor.id));
      await tx.insert(productionMetrics).values({
        metricType: MONITOR_METRIC_TYPE,
        metricValue: result.elapsedMs,
        endpoint: monitorEndpoint(monitor.id),
        recordedAt: checkedAt,
        metadata: { status: result.status, monitorName: monitor.name, httpStatus: result.httpStatus, error: result.error },
      });
    });
    return true;
  } catch (error) {
    // Deleted while it was being probed: nothing to keep.
    if (databaseErrorCode(error) === '23503') return false;
    throw error;
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface ProbeRunResult {
  [key: string]: number;
  probed: number;
  up: number;
  degraded: number;
  down: number;
}

export interface ProbeRunOptions {
  now: Date;
  concurrency?: number;
  /** The probe itself, replaceable in tests. */
  probe?: (target: ProbeTarget, options: ProbeOptions) => Promise<ProbeResult>;
  resolve?: ProbeOptions['resolve'];
}

/** The probe step of proactive-health-monitor: probe every due monitor, keep each result. */
export async function probeDueMonitors(db: Db, { now, concurrency = PROBE_CONCURRENCY, probe = probeOnce, resolve }: ProbeRunOptions): Promise<ProbeRunResult> {
  // Read once per run: turning the setting off stops private probes from the next tick on.
  const allowPrivate = await getSetting(db, 'network.allow_private_targets');
  const claimed = await claimDueMonitors(db, now);
  const counts: ProbeRunResult = { probed: 0, up: 0, degraded: 0, down: 0 };
  await eachLimited(claimed, concurrency, async (monitor) => {
    const result = await probe(monitor, { allowPrivate, resolve });
    if (await recordCheck(db, monitor, result, now)) {
      counts.probed++;
      counts[result.status]++;
    }
  });
  return counts;
}
