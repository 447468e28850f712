import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../../db/rows';
import type { DbOrTx } from '../../../db/types';
import { addDays, dayStart, type DayRange } from '../days';
import type { FunnelDefinition } from '../funnel-schema';

export interface FunnelStepResult {
  event: string;
  property?: { key: string; value: string };
  users: number;
  /** Share of step 1; step 1 is 1 (or null without users). */
  overall: number | null;
  /** Share of the previous step. */
  fromPrevious: number | null;
  dropOff: number;
  /** Median seconds from step 1 to this step, over the users who reached it. */
  medianSecondsFromStart: number | null;
}

export interface FunnelResult {
  steps: FunnelStepResult[];
  conversion: number | null;
  medianSecondsToConvert: number | null;
}

/**
 * Ordered funnel: a user enters with their first step-1 event in the range; each later step
 * is their first matching event after the previous step's, no later than entry + window.
 *
 * Step 1 is one index range scan on (name, occurred_at, user_id), index-only once the table is
 * vacuumed. Each later step is one probe per user still in the funnel on (name, user_id,
 * occurred_at), made in user order (step 1 is sorted by user), so consecutive probes read
 * neighbouring, cached index pages. Every step carries the entry time along, so no step joins
 * back to step 1. JIT is off: the planner cannot know how few users a CTE holds, prices the
 * probes as if there were many, and JIT then compiles for longer (about 1 s on the bench)
 * than the probes take to run.
 */
export async function runFunnel(db: DbOrTx, funnel: Pick<FunnelDefinition, 'steps' | 'windowHours'>, range: DayRange): Promise<FunnelResult> {
  const start = dayStart(range.from).toISOString();
  const end = dayStart(addDays(range.to, 1)).toISOString();
  const windowSeconds = funnel.windowHours * 3600;
  const filter = (index: number): SQL => {
    const step = funnel.steps[index]!;
    const byName = sql`e.name = ${step.event}`;
    return step.property ? sql`${byName} and e.properties->>${step.property.key} = ${step.property.value}` : byName;
  };
  const ctes: SQL[] = [
    sql`s0 as (select e.user_id, min(e.occurred_at) as t0, min(e.occurred_at) as t from analytics_events e
      where ${filter(0)} and e.occurred_at >= ${start}::timestamptz and e.occurred_at < ${end}::timestamptz
      group by e.user_id order by e.user_id)`,
  ];
  for (let i = 1; i < funnel.steps.length; i++) {
    ctes.push(sql`${sql.raw(`s${i}`)} as (select p.user_id, p.t0, n.t
      from ${sql.raw(`s${i - 1}`)} p cross join lateral (select min(e.occurred_at) as t from analytics_events e
        where e.user_id = p.user_id and ${filter(i)} and e.occurred_at > p.t
          and e.occurred_at <= p.t0 + make_interval(secs => ${windowSeconds})) n
      where n.t is not null)`);
  }
  // Step 1 has no time to convert (t = t0): its median is not computed.
  const selects = funnel.steps.map(
    (_, i) => sql`select ${i}::int as step, count(*)::int as users,
      ${i === 0 ? sql`null::float8` : sql`percentile_cont(0.5) within group (order by extract(epoch from x.t - x.t0))`} as median
      from ${sql.raw(`s${i}`)} x`,
  );
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return queryRows<{ step: number; users: number; median: number | string | null }>(tx, sql`with ${sql.join(ctes, sql`, `)} ${sql.join(selects, sql` union all `)}`);
  });
  const users = funnel.steps.map((_, i) => Number(rows.find((r) => Number(r.step) === i)?.users ?? 0));
  const medians = funnel.steps.map((_, i) => {
    const m = rows.find((r) => Number(r.step) === i)?.median;
    return m === null || m === undefined ? null : Number(m);
  });
  const first = users[0] ?? 0;
  const steps = funnel.steps.map((step, i) => ({
    event: step.event,
    ...(step.property ? { property: step.property } : {}),
    users: users[i]!,
    overall: first > 0 ? users[i]! / first : null,
    fromPrevious: i === 0 ? (first > 0 ? 1 : null) : users[i - 1]! > 0 ? users[i]! / users[i - 1]! : null,
    dropOff: i === 0 ? 0 : users[i - 1]! - users[i]!,
    medianSecondsFromStart: i === 0 ? null : users[i]! > 0 ? medians[i]! : null,
  }));
  const last = steps.at(-1)!;
  return { steps, conversion: last.overall, medianSecondsToConvert: last.medianSecondsFromStart };
}
