import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { DbOrTx } from '../../db/types';
import { decide } from './state-machine';
import { INITIAL_STATE, type AlertRule, type MachineState } from './types';

export const PREVIEW_STEP_MS = 5 * 60 * 1000;

type PreviewRule = Pick<AlertRule, 'metricType' | 'endpoint' | 'aggregation' | 'condition' | 'threshold' | 'recoveryThreshold' | 'pendingSeconds' | 'noDataState' | 'repeatIntervalSeconds'>;

/**
 * The metric over the last 24 h in 5-minute points (from the 1-minute rollups: one query),
 * and how many times the rule would have fired, replaying the state machine over them.
 * Percentiles per point are the highest 1-minute percentile of the step (an upper bound,
 * said so in the UI); the evaluator itself merges sketches.
 */
export async function previewRule(db: DbOrTx, rule: PreviewRule, now: Date) {
  const to = Math.floor(now.getTime() / PREVIEW_STEP_MS) * PREVIEW_STEP_MS;
  const from = to - 24 * 60 * 60 * 1000;
  const value = {
    avg: sql`sum(sum) / nullif(sum(count), 0)`,
    max: sql`max(max)`,
    min: sql`min(min)`,
    count: sql`sum(count)::float8`,
    rate: sql`sum(count)::float8 / ${PREVIEW_STEP_MS / 1000}`,
    p95: sql`max(p95)`,
    p99: sql`max(p99)`,
  }[rule.aggregation];
  const rows = await queryRows<{ at: string | Date; value: number | string | null }>(
    db,
    sql`select date_bin(interval '5 minutes', bucket_start, timestamptz '2000-01-01 00:00:00+00') as at, ${value} as value
        from metric_rollups_1m
        where metric_type = ${rule.metricType} and bucket_start >= ${new Date(from).toISOString()}::timestamptz and bucket_start < ${new Date(to).toISOString()}::timestamptz
          ${rule.endpoint ? sql`and endpoint = ${rule.endpoint}` : sql``}
        group by 1 order by 1`,
  );
  const byTime = new Map(rows.map((r) => [new Date(r.at).getTime(), r.value === null ? null : Number(r.value)]));
  const points: { at: number; value: number | null }[] = [];
  let state: MachineState = INITIAL_STATE;
  let fires = 0;
  for (let at = from; at < to; at += PREVIEW_STEP_MS) {
    const v = byTime.get(at) ?? null;
    points.push({ at, value: v });
    const decision = decide({ rule: { ...rule, repeatIntervalSeconds: null }, state, observation: { value: v }, now: new Date(at + PREVIEW_STEP_MS), held: false, acknowledged: false });
    if (decision.action === 'fire') fires += 1;
    state = decision.action === 'fire' ? { ...decision.next, lastNotifiedAt: new Date(at) } : decision.next;
  }
  return { points, fires, threshold: rule.threshold, recoveryThreshold: rule.recoveryThreshold };
}
