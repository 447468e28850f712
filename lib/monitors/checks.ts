import { sql, type SQL } from 'drizzle-orm';
import { monitorCheckHours, monitorChecks, type MonitorStatus } from '../../db/schema';
import type { DbOrTx } from '../../db/types';

export const HOUR_MS = 60 * 60 * 1000;

/** A check counts towards uptime when it got an answer: 'up' or 'degraded' (slow is still an answer). */
const okStatus = (status: SQL) => sql`${status} in ('up', 'degraded')`;

/** The UTC hour a timestamp falls in; the same expression fills monitor_check_hours in migration 0010. */
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

/**
 * A time window over checks. `(]` leaves the start out and takes the end in (uptime over the
 * last 24 h: checks after now - 24 h, up to now); `[)` takes the start and leaves the end out.
 */
export interface CheckWindow {
  from: number;
  to: number;
  bounds: '(]' | '[)';
}

const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/**
 * How a window splits: the whole hours [lo, hi) it contains, read from monitor_check_hours,
 * and the checks inside it but outside those hours (before lo, at or after hi), read from
 * monitor_checks: at most about an hour of checks at each edge. A window too short to hold a
 * whole hour has lo >= hi: no hours, every check raw.
 */
function splitWindow(window: CheckWindow) {
  const lo = window.bounds === '(]' ? (Math.floor(window.from / HOUR_MS) + 1) * HOUR_MS : Math.ceil(window.from / HOUR_MS) * HOUR_MS;
  const hi = Math.floor(window.to / HOUR_MS) * HOUR_MS;
  const [afterFrom, beforeTo] = window.bounds === '(]' ? [sql`>`, sql`<=`] : [sql`>=`, sql`<`];
  const inWindow = (at: SQL) => sql`${at} ${afterFrom} ${ts(window.from)} and ${at} ${beforeTo} ${ts(window.to)}`;
  return { lo, hi, inWindow };
}

/**
 * A query of the checks and ok checks per monitor in each window: columns monitor_id and, for
 * window i, checks_i and ok_i (bigint, null when the monitor had no check in it; monitors with
 * no check in any window have no row). Equal to counting the monitor_checks rows in the window,
 * but whole hours are read from monitor_check_hours, so the cost grows with hours and monitors,
 * not with checks. Callers aggregate it further (one statement).
 */
export function checkCountsQuery(windows: readonly CheckWindow[], monitorId?: string): SQL {
  if (windows.length === 0) throw new Error('checkCountsQuery needs at least one window');
  const parts = windows.map(splitWindow);
  const ofMonitor = monitorId ? sql`and monitor_id = ${monitorId}` : sql``;
  // Raw checks: each window's leading and trailing edge as index ranges, a superset of what
  // the columns below count (windows that end at the same moment share the trailing range).
  // OR, not UNION ALL: a check in two overlapping ranges is read once.
  const ranges = new Map<string, SQL>();
  for (const [index, part] of parts.entries()) {
    const { bounds, from, to } = windows[index]!;
    ranges.set(`${bounds} ${from} ${part.lo}`, sql`(${part.inWindow(sql`checked_at`)} and checked_at < ${ts(part.lo)})`);
    // From hi, or from the window's start when the window holds no whole hour.
    const tailFrom = Math.max(part.hi, from);
    ranges.set(`${bounds} ${tailFrom} ${to}`, sql`(checked_at >= ${ts(tailFrom)} and checked_at ${bounds === '(]' ? sql`<=` : sql`<`} ${ts(to)})`);
  }
  const lowest = Math.min(...parts.map((part) => part.lo));
  const highest = Math.max(...parts.map((part) => part.hi));
  const columns = parts.map((part, index) => {
    const inside = sql`(whole and at >= ${ts(part.lo)} and at < ${ts(part.hi)})
      or (not whole and ${part.inWindow(sql`at`)} and (at < ${ts(part.lo)} or at >= ${ts(part.hi)}))`;
    return sql`sum(checks) filter (where ${inside}) as ${sql.raw(`checks_${index}`)}, sum(ok) filter (where ${inside}) as ${sql.raw(`ok_${index}`)}`;
  });
  return sql`select monitor_id, ${sql.join(columns, sql`, `)}
    from (
      select monitor_id, hour_start as at, true as whole, checks, ok from ${monitorCheckHours}
      where hour_start >= ${ts(lowest)} and hour_start < ${ts(highest)} ${ofMonitor}
      union all
      select monitor_id, checked_at, false, 1, case when ${okStatus(sql`status`)} then 1 else 0 end from ${monitorChecks}
      where (${sql.join([...ranges.values()], sql` or `)}) ${ofMonitor}
    ) as pieces
    group by monitor_id`;
}
