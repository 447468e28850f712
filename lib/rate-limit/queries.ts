import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { Db } from '../../db/types';

export interface RefusalRow {
  endpoint: string;
  refused: number;
}

/** Refused requests per route over the last `hours` (the 'rate_limited' points every instance writes). */
export async function refusalsByRoute(db: Db, now: Date, hours = 24): Promise<RefusalRow[]> {
  const rows = await queryRows<{ endpoint: string; refused: string | number }>(
    db,
    sql`select endpoint, sum(metric_value) as refused from production_metrics
        where metric_type = 'rate_limited' and recorded_at >= ${new Date(now.getTime() - hours * 3_600_000).toISOString()}::timestamptz
        group by endpoint order by refused desc`,
  );
  return rows.map((row) => ({ endpoint: row.endpoint, refused: Number(row.refused) }));
}

export interface ThrottleEvent {
  at: Date;
  action: string;
  group: string;
  factor: number | null;
  reason: string | null;
}

/** The latest throttling changes, from the audit log (each one is audited). */
export async function recentThrottleEvents(db: Db, limit = 20): Promise<ThrottleEvent[]> {
  const rows = await queryRows<{ created_at: Date | string; action: string; target_id: string | null; after: unknown }>(
    db,
    sql`select created_at, action, target_id, "after" from audit_log where action in ('throttle.tighten', 'throttle.relax') order by id desc limit ${limit}`,
  );
  return rows.map((row) => {
    const after = (typeof row.after === 'string' ? JSON.parse(row.after) : row.after) as { factor?: number; reason?: string } | null;
    return { at: new Date(row.created_at), action: row.action, group: row.target_id ?? '', factor: after?.factor ?? null, reason: after?.reason ?? null };
  });
}
