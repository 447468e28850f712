import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { DbOrTx, Tx } from '../../db/types';
import { addDays, dayOf, dayStart, type Day, type DayRange } from './days';

/**
 * Recomputes every daily rollup for a range of UTC days. Each table's rows of the range are
 * deleted and inserted again in the caller's transaction, so a range can be recomputed any
 * number of times without duplicates. Later days read earlier rollups (WAU/MAU look back over
 * analytics_user_days), so the user days are rebuilt first.
 */
export async function recomputeRollups(tx: Tx, range: DayRange): Promise<void> {
  const from = range.from;
  const to = range.to;
  const start = dayStart(from).toISOString();
  const end = dayStart(addDays(to, 1)).toISOString();
  const inRange = sql`occurred_at >= ${start}::timestamptz and occurred_at < ${end}::timestamptz`;
  const day = sql`(occurred_at at time zone 'UTC')::date`;

  await tx.execute(sql`delete from analytics_daily_revenue where day between ${from}::date and ${to}::date`);
  await tx.execute(sql`
    insert into analytics_daily_revenue (day, currency, payments, amount_minor, failed_payments)
    select ${day}, properties->>'currency',
      count(*) filter (where name = 'payment_succeeded'),
      coalesce(sum((properties->>'amount_minor')::bigint) filter (where name = 'payment_succeeded'), 0),
      count(*) filter (where name = 'payment_failed')
    from analytics_events
    where name in ('payment_succeeded', 'payment_failed') and ${inRange}
    group by 1, 2`);

  await recomputeMrr(tx, from, to, end);

  await tx.execute(sql`delete from analytics_user_days where day between ${from}::date and ${to}::date`);
  await tx.execute(sql`
    insert into analytics_user_days (day, user_id, events, sessions)
    select ${day}, user_id, count(*), count(*) filter (where name = 'session_start')
    from analytics_events where ${inRange}
    group by 1, 2`);

  await tx.execute(sql`delete from analytics_daily_active where day between ${from}::date and ${to}::date`);
  // Distinct users over the last 7 / 30 days in one pass: each active day of a user covers the
  // target days [day, day + size - 1] not already covered by their previous active day, so
  // per user the intervals never overlap and the count for a day is a running sum of +1/-1.
  await tx.execute(sql`
    with sizes(size) as (values (7), (30)),
    ud as (
      select s.size, u.day, lag(u.day) over (partition by s.size, u.user_id order by u.day) as prev
      from sizes s join analytics_user_days u on u.day between ${from}::date - (s.size - 1) and ${to}::date
    ),
    iv as (select size, greatest(day, coalesce(prev + size, day)) as s, day + size - 1 as e from ud),
    deltas as (
      select size, at, sum(delta) as delta from (
        select size, s as at, 1 as delta from iv
        union all
        select size, e + 1, -1 from iv
      ) x group by size, at
    ),
    dau as (select day, count(*) as n from analytics_user_days where day between ${from}::date and ${to}::date group by day)
    insert into analytics_daily_active (day, dau, wau, mau)
    select d::date,
      coalesce((select n from dau where dau.day = d::date), 0),
      coalesce((select sum(delta) from deltas w where w.size = 7 and w.at <= d::date), 0),
      coalesce((select sum(delta) from deltas w where w.size = 30 and w.at <= d::date), 0)
    from generate_series(${from}::date, ${to}::date, interval '1 day') as d`);
  await tx.execute(sql`delete from analytics_daily_plugins where day between ${from}::date and ${to}::date`);
  await tx.execute(sql`
    insert into analytics_daily_plugins (day, plugin_id, installs, uninstalls, uses, users)
    select ${day}, properties->>'plugin_id',
      count(*) filter (where name = 'plugin_installed'),
      count(*) filter (where name = 'plugin_uninstalled'),
      count(*) filter (where name = 'plugin_used'),
      count(distinct user_id) filter (where name = 'plugin_used')
    from analytics_events
    where name in ('plugin_installed', 'plugin_uninstalled', 'plugin_used') and ${inRange}
    group by 1, 2`);

  await tx.execute(sql`delete from analytics_daily_ai where day between ${from}::date and ${to}::date`);
  await tx.execute(sql`
    with requests as (
      select ${day} as day, properties->>'model' as model,
        count(*)::int as requests,
        count(*) filter (where properties->>'outcome' <> 'success')::int as errors,
        count(*) filter (where (properties->>'cache_hit')::boolean)::int as cache_hits,
        coalesce(sum((properties->>'prompt_tokens')::bigint) filter (where not (properties->>'cache_hit')::boolean), 0) as prompt_tokens,
        coalesce(sum((properties->>'completion_tokens')::bigint) filter (where not (properties->>'cache_hit')::boolean), 0) as completion_tokens,
        coalesce(sum((properties->>'prompt_tokens')::bigint) filter (where (properties->>'cache_hit')::boolean), 0) as cached_prompt_tokens,
        coalesce(sum((properties->>'completion_tokens')::bigint) filter (where (properties->>'cache_hit')::boolean), 0) as cached_completion_tokens,
        sum((properties->>'latency_ms')::float8) as latency_sum_ms,
        percentile_cont(0.5) within group (order by (properties->>'latency_ms')::float8) as p50,
        percentile_cont(0.95) within group (order by (properties->>'latency_ms')::float8) as p95
      from analytics_events where name = 'ai_request' and ${inRange}
      group by 1, 2
    ),
    feedback as (
      select (f.occurred_at at time zone 'UTC')::date as day, r.properties->>'model' as model,
        count(*)::int as feedback_count,
        count(*) filter (where (f.properties->>'correct')::boolean)::int as correct_count,
        sum((f.properties->>'rating')::int)::int as rating_sum
      from analytics_events f
      join analytics_events r on r.id = f.properties->>'request_id' and r.name = 'ai_request'
      where f.name = 'ai_feedback' and f.occurred_at >= ${start}::timestamptz and f.occurred_at < ${end}::timestamptz
      group by 1, 2
    )
    insert into analytics_daily_ai (day, model, requests, errors, cache_hits, prompt_tokens, completion_tokens,
      cached_prompt_tokens, cached_completion_tokens, latency_sum_ms, latency_p50_ms, latency_p95_ms,
      feedback_count, correct_count, rating_sum, rating_count)
    select coalesce(r.day, f.day), coalesce(r.model, f.model),
      coalesce(r.requests, 0), coalesce(r.errors, 0), coalesce(r.cache_hits, 0),
      coalesce(r.prompt_tokens, 0), coalesce(r.completion_tokens, 0),
      coalesce(r.cached_prompt_tokens, 0), coalesce(r.cached_completion_tokens, 0),
      coalesce(r.latency_sum_ms, 0), r.p50, r.p95,
      coalesce(f.feedback_count, 0), coalesce(f.correct_count, 0), coalesce(f.rating_sum, 0), coalesce(f.feedback_count, 0)
    from requests r full join feedback f on f.day = r.day and f.model = r.model`);
}

/**
 * MRR movements. A user's MRR at the end of a day is their last subscription event up to
 * then (cancelled = 0). The movement of a day is the change from the previous day's end:
 * 0 -> x new, x -> 0 churned, up expansion, down contraction. A change of currency is the
 * old amount churned and the new amount new. The state before the range is read from the
 * events too, so any range can be recomputed alone.
 */
async function recomputeMrr(tx: Tx, from: Day, to: Day, end: string): Promise<void> {
  await tx.execute(sql`delete from analytics_daily_mrr where day between ${from}::date and ${to}::date`);
  await tx.execute(sql`
    with sub as (
      select user_id, occurred_at, id, (occurred_at at time zone 'UTC')::date as day,
        case when name = 'subscription_cancelled' then 0 else (properties->>'mrr_minor')::bigint end as mrr,
        properties->>'currency' as currency
      from analytics_events
      where name in ('subscription_started', 'subscription_changed', 'subscription_cancelled') and occurred_at < ${end}::timestamptz
    ),
    day_end as (
      select distinct on (user_id, day) user_id, day, mrr, currency
      from sub order by user_id, day, occurred_at desc, id desc
    ),
    seq as (
      select day, mrr, currency,
        coalesce(lag(mrr) over w, 0) as prev_mrr,
        lag(currency) over w as prev_currency
      from day_end window w as (partition by user_id order by day)
    ),
    moves as (
      -- same currency (or first event): one movement by the sign of the change
      select day, currency, mrr - prev_mrr as delta, prev_mrr, mrr from seq
      where prev_currency is null or prev_currency = currency or prev_mrr = 0
      union all
      -- currency changed: the old amount churns in its currency, the new one is new
      select day, prev_currency, -prev_mrr, prev_mrr, 0 from seq
      where prev_currency is not null and prev_currency <> currency and prev_mrr > 0
      union all
      select day, currency, mrr, 0, mrr from seq
      where prev_currency is not null and prev_currency <> currency and prev_mrr > 0 and mrr > 0
    )
    insert into analytics_daily_mrr (day, currency, new_minor, expansion_minor, contraction_minor, churned_minor)
    select day, currency,
      coalesce(sum(mrr) filter (where prev_mrr = 0 and mrr > 0), 0),
      coalesce(sum(delta) filter (where prev_mrr > 0 and mrr > prev_mrr), 0),
      coalesce(sum(-delta) filter (where mrr > 0 and mrr < prev_mrr), 0),
      coalesce(sum(prev_mrr) filter (where prev_mrr > 0 and mrr = 0), 0)
    from moves
    where day between ${from}::date and ${to}::date and delta <> 0
    group by 1, 2`);
}

const STATE_ID = 'events';
/** Transactions that inserted events may commit a little after their received_at. */
const LATE_COMMIT_OVERLAP_MS = 10 * 60 * 1000;

export interface AggregatorResult {
  from: Day | null;
  to: Day | null;
  days: number;
}

/**
 * The analytics-aggregator: with a range, recomputes it; without, recomputes from the earliest
 * day touched by events received since the last run (minus an overlap) through today. One
 * transaction, so the dashboards see either the old or the new rollups.
 */
export async function runAnalyticsAggregator(db: DbOrTx, options: { now: Date; range?: DayRange }): Promise<AggregatorResult> {
  const { now } = options;
  return db.transaction(async (tx) => {
    // One aggregator at a time: a second run waits instead of interleaving deletes.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('analytics-aggregator'))`);
    let range = options.range;
    if (!range) {
      const [state] = await queryRows<{ watermark: Date | string }>(tx, sql`select watermark from analytics_aggregator_state where id = ${STATE_ID}`);
      const since = state ? new Date(new Date(state.watermark).getTime() - LATE_COMMIT_OVERLAP_MS) : null;
      const [first] = await queryRows<{ first: Date | string | null }>(
        tx,
        since
          ? sql`select min(occurred_at) as first from analytics_events where received_at >= ${since.toISOString()}::timestamptz`
          : sql`select min(occurred_at) as first from analytics_events`,
      );
      if (first?.first) range = { from: dayOf(new Date(first.first)), to: dayOf(new Date(now.getTime() + 5 * 60_000)) };
    }
    if (range && range.from <= range.to) await recomputeRollups(tx, range);
    await tx.execute(sql`
      insert into analytics_aggregator_state (id, watermark, updated_at) values (${STATE_ID}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
      on conflict (id) do update set watermark = greatest(analytics_aggregator_state.watermark, excluded.watermark), updated_at = excluded.updated_at`);
    const days = range && range.from <= range.to ? Math.round((dayStart(range.to).getTime() - dayStart(range.from).getTime()) / 86_400_000) + 1 : 0;
    return { from: range?.from ?? null, to: range?.to ?? null, days };
  });
}
