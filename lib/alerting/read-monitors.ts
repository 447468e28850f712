import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { DbOrTx } from '../../db/types';
import type { AlertRule } from './types';

export type MonitorRule = Pick<AlertRule, 'id' | 'monitorId' | 'monitorCondition' | 'monitorConsecutiveChecks'>;

/** Checks that count as "down" or "degraded": degraded rules also count down checks (worse). */
const MATCHES: Record<'down' | 'degraded', readonly string[]> = { down: ['down'], degraded: ['degraded', 'down'] };

/**
 * For each monitor rule, how many of the monitor's latest checks in a row match its condition
 * (the rule compares that with its N). One query for all monitors: the newest checks of each
 * monitor through a lateral join on the (monitor_id, checked_at desc) index.
 */
export async function readMonitorStreaks(db: DbOrTx, rules: readonly MonitorRule[]): Promise<Map<string, number | null>> {
  const result = new Map<string, number | null>();
  const monitorIds = [...new Set(rules.map((r) => r.monitorId).filter((id): id is string => id !== null))];
  if (monitorIds.length === 0) return result;
  const limit = Math.max(1, ...rules.map((r) => r.monitorConsecutiveChecks ?? 1));
  const rows = await queryRows<{ monitor_id: string; status: string }>(
    db,
    sql`select m.id as monitor_id, c.status
        from (values ${sql.join(monitorIds.map((id) => sql`(${id}::uuid)`), sql`, `)}) as m(id)
        cross join lateral (
          select status, checked_at from monitor_checks where monitor_id = m.id order by checked_at desc limit ${limit}
        ) c
        order by m.id, c.checked_at desc`,
  );
  const latest = new Map<string, string[]>();
  for (const row of rows) {
    const list = latest.get(row.monitor_id) ?? [];
    list.push(row.status);
    latest.set(row.monitor_id, list);
  }
  for (const rule of rules) {
    const checks = latest.get(rule.monitorId ?? '');
    if (!checks || checks.length === 0) {
      result.set(rule.id, null);
      continue;
    }
    const matching = MATCHES[rule.monitorCondition ?? 'down'];
    let streak = 0;
    for (const status of checks) {
      if (!matching.includes(status)) break;
      streak += 1;
    }
    result.set(rule.id, streak);
  }
  return result;
}
