import { asc, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import { monitorChecks, monitors, type Monitor, type MonitorStatus } from '../../db/schema';
import type { DbOrTx } from '../../db/types';

export interface Uptime {
  /** Percent (0–100) over the last 24 hours, 7 days and 30 days; null when no check fell in the window. */
  day: number | null;
  week: number | null;
  month: number | null;
}

export interface MonitorStatusRow {
  id: string;
  name: string;
  url: string;
  isActive: boolean;
  lastStatus: MonitorStatus | null;
  lastCheckedAt: Date | null;
  lastResponseMs: number | null;
  uptime: Uptime;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every monitor with its latest result and uptime.
 *
 * Uptime is CHECK-WEIGHTED: the share of checks in the window whose status was 'up' or
 * 'degraded' (a slow answer is still an answer; degraded counts as up). Monitors are probed on
 * a fixed interval, so each check stands for about the same length of time and this equals
 * the time-weighted figure while the interval is unchanged. Computed in SQL with one pass over
 * the last 30 days of monitor_checks (index monitor_checks_monitor_time_idx).
 */
export async function listMonitorStatus(db: DbOrTx, now: Date = new Date()): Promise<MonitorStatusRow[]> {
  const rows = await db.select().from(monitors).orderBy(asc(monitors.name), asc(monitors.id));
  const uptime = await uptimeByMonitor(db, now);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    url: row.url,
    isActive: row.isActive,
    lastStatus: row.lastStatus,
    lastCheckedAt: row.lastCheckedAt,
    lastResponseMs: row.lastResponseMs,
    uptime: uptime.get(row.id) ?? { day: null, week: null, month: null },
  }));
}

/** Uptime percentages per monitor id (see listMonitorStatus for the definition). */
export async function uptimeByMonitor(db: DbOrTx, now: Date = new Date(), monitorId?: string): Promise<Map<string, Uptime>> {
  const at = (ms: number) => sql`${new Date(now.getTime() - ms).toISOString()}::timestamptz`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const ok = sql`${monitorChecks.status} in ('up', 'degraded')`;
  const pct = (since: ReturnType<typeof at>) =>
    sql`case when count(*) filter (where ${monitorChecks.checkedAt} > ${since}) = 0 then null
        else 100.0 * count(*) filter (where ${monitorChecks.checkedAt} > ${since} and ${ok})
             / count(*) filter (where ${monitorChecks.checkedAt} > ${since}) end`;
  const rows = await queryRows<{ monitor_id: string; day: string | number | null; week: string | number | null; month: string | number | null }>(
    db,
    sql`select ${monitorChecks.monitorId} as monitor_id,
          ${pct(at(DAY_MS))} as day, ${pct(at(7 * DAY_MS))} as week, ${pct(at(30 * DAY_MS))} as month
        from ${monitorChecks}
        where ${monitorChecks.checkedAt} > ${at(30 * DAY_MS)} and ${monitorChecks.checkedAt} <= ${nowSql}
          ${monitorId ? sql`and ${monitorChecks.monitorId} = ${monitorId}` : sql``}
        group by ${monitorChecks.monitorId}`,
  );
  const num = (value: string | number | null) => (value === null ? null : Number(value));
  return new Map(rows.map((row) => [row.monitor_id, { day: num(row.day), week: num(row.week), month: num(row.month) }]));
}

export async function getMonitor(db: DbOrTx, id: string): Promise<Monitor | undefined> {
  const [row] = await db.select().from(monitors).where(eq(monitors.id, id)).limit(1);
  return row;
}

/** The latest checks of one monitor, newest first. */
export async function listRecentChecks(db: DbOrTx, monitorId: string, limit = 20) {
  return db
    .select()
    .from(monitorChecks)
    .where(eq(monitorChecks.monitorId, monitorId))
    .orderBy(sql`${monitorChecks.checkedAt} desc`)
    .limit(Math.min(Math.max(limit, 1), 200));
}
