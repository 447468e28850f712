import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/rows';
import type { DbOrTx } from '../../../db/types';

export const CHURN_FEATURES = ['days_since_last_session', 'sessions_7d', 'sessions_28d', 'plugin_count', 'ai_requests_28d', 'failed_payments_28d', 'paid_plan'] as const;
export type ChurnFeature = (typeof CHURN_FEATURES)[number];

/** Churn horizon: a user churned when they start no session in the 28 days after the snapshot. */
export const HORIZON_DAYS = 28;

export interface UserFeatures {
  userId: string;
  values: number[];
}

/** Features of every user active in the 28 days before `at`, from the events before `at`. */
export async function featuresAt(db: DbOrTx, at: Date): Promise<UserFeatures[]> {
  const t = at.toISOString();
  const rows = await queryRows<Record<string, string | number | null>>(
    db,
    sql`with pop as (
        select distinct user_id from analytics_events
        where occurred_at >= ${t}::timestamptz - interval '28 days' and occurred_at < ${t}::timestamptz
      )
      select e.user_id,
        extract(epoch from (${t}::timestamptz - max(e.occurred_at) filter (where e.name = 'session_start'))) / 86400 as days_since,
        count(*) filter (where e.name = 'session_start' and e.occurred_at >= ${t}::timestamptz - interval '7 days') as s7,
        count(*) filter (where e.name = 'session_start' and e.occurred_at >= ${t}::timestamptz - interval '28 days') as s28,
        count(*) filter (where e.name = 'plugin_installed') - count(*) filter (where e.name = 'plugin_uninstalled') as plugins,
        count(*) filter (where e.name = 'ai_request' and e.occurred_at >= ${t}::timestamptz - interval '28 days') as ai28,
        count(*) filter (where e.name = 'payment_failed' and e.occurred_at >= ${t}::timestamptz - interval '28 days') as failed28,
        (array_agg(case when e.name = 'subscription_cancelled' then 0 else (e.properties->>'mrr_minor')::bigint end order by e.occurred_at desc)
          filter (where e.name in ('subscription_started', 'subscription_changed', 'subscription_cancelled')))[1] as mrr
      from analytics_events e join pop on pop.user_id = e.user_id
      where e.occurred_at < ${t}::timestamptz
      group by e.user_id
      order by e.user_id`,
  );
  return rows.map((r) => ({
    userId: String(r.user_id),
    values: [
      Math.min(90, r.days_since === null ? 90 : Number(r.days_since)),
      Number(r.s7),
      Number(r.s28),
      Math.max(0, Number(r.plugins)),
      Number(r.ai28),
      Number(r.failed28),
      Number(r.mrr ?? 0) > 0 ? 1 : 0,
    ],
  }));
}

/** Users (of those given) who started a session in [from, to). */
export async function activeBetween(db: DbOrTx, from: Date, to: Date): Promise<Set<string>> {
  const rows = await queryRows<{ user_id: string }>(
    db,
    sql`select distinct user_id from analytics_events where name = 'session_start' and occurred_at >= ${from.toISOString()}::timestamptz and occurred_at < ${to.toISOString()}::timestamptz`,
  );
  return new Set(rows.map((r) => r.user_id));
}
