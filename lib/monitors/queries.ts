import { asc, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import { monitorChecks, monitors, type Monitor, type MonitorStatus } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import { checkCountsQuery, type CheckWindow } from './checks';

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
 * the time-weighted figure while the interval is unchanged. Computed in SQL from the hourly
 * counts in monitor_check_hours plus the checks of the partial hours at each window's edges
 * (lib/monitors/checks.ts): the same figures as counting every check, at a cost that does not
 * grow with the number of checks.
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
  const to = now.getTime();
  const windows = [DAY_MS, 7 * DAY_MS, 30 * DAY_MS].map((length): CheckWindow => ({ from: to - length, to, bounds: '(]' }));
  // 100.0 * bigint / bigint, as count(*) was: the same numeric division, the same figures.
  const pct = (index: number) => {
    const [checks, ok] = [sql.raw(`checks_${index}`), sql.raw(`ok_${index}`)];
    return sql`case when coalesce(${checks}, 0) = 0 then null else 100.0 * coalesce(${ok}, 0) / ${checks} end`;
  };
  const rows = await queryRows<{ monitor_id: string; day: string | number | null; week: string | number | null; month: string | number | null }>(
    db,
    sql`select monitor_id, ${pct(0)} as day, ${pct(1)} as week, ${pct(2)} as month from (${checkCountsQuery(windows, monitorId)}) as counts`,
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
