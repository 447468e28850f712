import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { Db, DbOrTx } from '../../db/types';
import { RAW_AGGREGATE, SKETCH_COUNT_TEXT } from './raw-aggregate';
import { GAMMA, LOG_GAMMA, MIN_VALUE, ZERO_KEY } from './sketch';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const SIX_HOURS_MS = 6 * HOUR_MS;
const DAY_MS = 86_400_000;

/** Minutes recomputed on every run, so points that arrive late (ingest) are counted. */
export const RAW_LATENESS_MS = 10 * MINUTE_MS;
/** Hours recomputed on every run (the last complete hour can still change through late minutes). */
export const MINUTE_LATENESS_MS = 2 * HOUR_MS;
// After downtime the backlog is worked off in slices, so one run never holds a long transaction.
const MAX_RAW_SPAN_MS = 6 * HOUR_MS;
const MAX_MINUTE_SPAN_MS = 7 * 24 * HOUR_MS;
const MAX_HOUR_SPAN_MS = 90 * DAY_MS;
// Any fixed value works as the lock key; it only has to differ from the other advisory locks.
const ROLLUP_LOCK_KEY = 0x6d65747269637331n; // "metrics1"

export interface RollupRange {
  from: Date;
  to: Date;
  buckets: number;
}

export interface RollupResult {
  minute?: RollupRange;
  hour?: RollupRange;
  sixHour?: RollupRange;
  day?: RollupRange;
}

type Level = 'minute' | 'hour' | 'sixHour' | 'day';
/** The levels rolled from the hourly table, recomputed only when their hours change. */
export type HourlyRolledLevel = 'sixHour' | 'day';

const LEVELS = {
  minute: { unitMs: MINUTE_MS, lateness: RAW_LATENESS_MS, maxSpan: MAX_RAW_SPAN_MS, interval: '1 minute', target: 'metric_rollups_1m', source: 'production_metrics', sourceTime: 'recorded_at' },
  hour: { unitMs: HOUR_MS, lateness: MINUTE_LATENESS_MS, maxSpan: MAX_MINUTE_SPAN_MS, interval: '1 hour', target: 'metric_rollups_1h', source: 'metric_rollups_1m', sourceTime: 'bucket_start' },
  // 6-hour buckets and days (UTC) are recomputed only when the hourly run touched them: see rollUpFromHours.
  sixHour: { unitMs: SIX_HOURS_MS, lateness: 0, maxSpan: MAX_HOUR_SPAN_MS, interval: '6 hours', target: 'metric_rollups_6h', source: 'metric_rollups_1h', sourceTime: 'bucket_start' },
  day: { unitMs: DAY_MS, lateness: 0, maxSpan: MAX_HOUR_SPAN_MS, interval: '1 day', target: 'metric_rollups_1d', source: 'metric_rollups_1h', sourceTime: 'bucket_start' },
} as const;

const floorTo = (ms: number, unitMs: number) => Math.floor(ms / unitMs) * unitMs;

/**
 * Rolls raw production_metrics into 1-minute buckets (complete minutes only), those into
 * 1-hour buckets (complete hours only), and those into 6-hour buckets and UTC days (complete
 * ones only). Each run recomputes a lateness window (the last 10 minutes, the last 2 hours,
 * and a 6-hour bucket or day whose hours that run rewrote) and, after downtime, works forward
 * from the newest rollup.
 *
 * Idempotent: a bucket is always recomputed whole from its source and upserted, so running
 * twice, or on two instances, never double counts; a transaction-level advisory lock makes
 * concurrent runs take turns. Everything happens in one SQL statement per level: the source
 * rows never leave the database (see docs/adr/0004-metrics-storage.md for the measurements).
 */
export async function rollUpMetrics(db: Db, { now }: { now: Date }): Promise<RollupResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK_KEY.toString()}::bigint)`);
    const minute = await rollUpLevel(tx, 'minute', floorTo(now.getTime(), MINUTE_MS));
    // An hour is complete only once all its minutes are: never run ahead of the minute level.
    const minuteDoneTo = minute ? minute.to.getTime() : floorTo(now.getTime(), MINUTE_MS);
    const hour = await rollUpLevel(tx, 'hour', Math.min(floorTo(now.getTime(), HOUR_MS), floorTo(minuteDoneTo, HOUR_MS)));
    const hourDoneTo = hour ? hour.to.getTime() : floorTo(now.getTime(), HOUR_MS);
    // Both come from the hours (not days from 6-hour rows): summing the float `sum` column in
    // another order would not give exactly the same day, and days would wait for the 6-hour backfill.
    const sixHour = await rollUpFromHours(tx, 'sixHour', now.getTime(), hourDoneTo, hour);
    const day = await rollUpFromHours(tx, 'day', now.getTime(), hourDoneTo, hour);
    return { ...(minute ? { minute } : {}), ...(hour ? { hour } : {}), ...(sixHour ? { sixHour } : {}), ...(day ? { day } : {}) };
  });
}

/**
 * 6-hour buckets and days change only through their hours, so one is recomputed when this run
 * rewrote one of its hours (the 2 hours after it ends, for late minutes) or when hourly rows
 * newer than its newest bucket exist (first run, downtime). Recomputing the last bucket on every
 * run instead would merge 6 or 24 hours of sketches a minute for nothing.
 */
async function rollUpFromHours(tx: DbOrTx, level: HourlyRolledLevel, nowMs: number, hourDoneTo: number, hour: RollupRange | undefined): Promise<RollupRange | undefined> {
  const { unitMs, maxSpan } = LEVELS[level];
  // Complete buckets only, and never ahead of the hourly level.
  const completeTo = Math.min(floorTo(nowMs, unitMs), floorTo(hourDoneTo, unitMs));
  const catchUp = await startOf(tx, level, completeTo);
  const candidates = [catchUp === completeTo ? undefined : catchUp, hour ? floorTo(hour.from.getTime(), unitMs) : undefined].filter(
    (value): value is number => value !== undefined,
  );
  if (candidates.length === 0) return undefined;
  const from = Math.min(...candidates);
  if (from >= completeTo) return undefined;
  const to = Math.min(completeTo, from + maxSpan);
  const [row] = await queryRows<{ buckets: number | string }>(tx, rollupStatement(level, new Date(from), new Date(to)));
  return { from: new Date(from), to: new Date(to), buckets: Number(row?.buckets ?? 0) };
}

/**
 * Rolls the complete 6-hour buckets or UTC days in [from, to) from the hourly table (both
 * multiples of the bucket, from the epoch): for writers that fill the hourly table themselves,
 * such as the demo seed and bench:dashboard. The rollup job's own statement, so they read the same.
 */
export async function rollUpRangeFromHours(tx: DbOrTx, level: HourlyRolledLevel, from: Date, to: Date): Promise<number> {
  const { unitMs } = LEVELS[level];
  if (from.getTime() % unitMs !== 0 || to.getTime() % unitMs !== 0) throw new Error(`rollUpRangeFromHours: from and to must be multiples of ${unitMs} ms (UTC)`);
  if (from >= to) return 0;
  const [row] = await queryRows<{ buckets: number | string }>(tx, rollupStatement(level, from, to));
  return Number(row?.buckets ?? 0);
}

async function rollUpLevel(tx: DbOrTx, level: Level, completeTo: number): Promise<RollupRange | undefined> {
  const spec = LEVELS[level];
  const from = await startOf(tx, level, completeTo);
  if (from === undefined || from >= completeTo) return undefined;
  const to = Math.min(completeTo, from + spec.maxSpan);
  const [row] = await queryRows<{ buckets: number | string }>(tx, rollupStatement(level, new Date(from), new Date(to)));
  return { from: new Date(from), to: new Date(to), buckets: Number(row?.buckets ?? 0) };
}

/**
 * Where this level's run starts: the lateness window, or earlier when source rows newer than
 * the newest rollup are older than that window (first run, or after downtime). Looking up
 * the oldest such row (an index lookup) skips stretches without data instead of walking them.
 */
async function startOf(tx: DbOrTx, level: Level, completeTo: number): Promise<number | undefined> {
  const spec = LEVELS[level];
  const windowStart = completeTo - spec.lateness;
  const [row] = await queryRows<{ first: string | Date | null }>(
    tx,
    sql`select min(${sql.raw(spec.sourceTime)}) as first from ${sql.raw(spec.source)}
        where ${sql.raw(spec.sourceTime)} >= coalesce((select max(bucket_start) from ${sql.raw(spec.target)}) + interval ${sql.raw(`'${spec.interval}'`)}, '-infinity'::timestamptz)
          and ${sql.raw(spec.sourceTime)} < ${new Date(windowStart).toISOString()}::timestamptz`,
  );
  if (!row?.first) return windowStart;
  return Math.min(windowStart, floorTo(new Date(row.first).getTime(), spec.unitMs));
}

/**
 * The source rows of a level in one shape: a raw row with metadata.agg (our 10-second buckets)
 * counts as its count/errors/sum/min/max/sketch; raw rows without (points from ingest) count
 * one observation of metric_value each, grouped by sketch key (plain_key, weight cnt); a
 * 1-minute rollup counts as its columns. Malformed metadata makes
 * a row a plain point instead of failing the whole rollup.
 */
function sourceRows(level: Level, from: Date, to: Date): SQL {
  const lower = sql`${from.toISOString()}::timestamptz`;
  const upper = sql`${to.toISOString()}::timestamptz`;
  const origin = sql.raw(`timestamptz '2000-01-01 00:00:00+00'`);
  if (level !== 'minute') {
    const spec = LEVELS[level];
    return sql`
      select metric_type, endpoint, date_bin(interval ${sql.raw(`'${spec.interval}'`)}, bucket_start, ${origin}) as bucket_start, bucket_start as at,
             count::float8 as cnt, errors::float8 as errs, sum as total, min as lo, max as hi,
             histogram as sketch, null::text as plain_key,
             case when jsonb_typeof(metadata->'statuses') = 'object' then metadata->'statuses' end as statuses,
             metadata->>'lastErrorClass' as last_error_class
      from ${sql.raw(spec.source)}
      where bucket_start >= ${lower} and bucket_start < ${upper}`;
  }
  const bucket = sql`date_bin(interval '1 minute', recorded_at, ${origin})`;
  // Plain points are grouped by series, minute and sketch key right away: the rest of the
  // statement then handles one row per distinct key instead of one per point.
  return sql`
    select metric_type, coalesce(endpoint, '') as endpoint, ${bucket} as bucket_start, recorded_at as at,
           (metadata->>'count')::float8 as cnt,
           case when jsonb_typeof(metadata->'errors') = 'number' then (metadata->>'errors')::float8 else 0 end as errs,
           (metadata->>'sum')::float8 as total, (metadata->>'min')::float8 as lo, (metadata->>'max')::float8 as hi,
           metadata->'sketch' as sketch, null::text as plain_key,
           case when jsonb_typeof(metadata->'statuses') = 'object' then metadata->'statuses' end as statuses,
           metadata->>'lastErrorClass' as last_error_class
    from production_metrics
    where recorded_at >= ${lower} and recorded_at < ${upper} and ${RAW_AGGREGATE}
    union all
    select metric_type, endpoint, bucket_start, max(at), count(*)::float8, 0, sum(v), min(v), max(v), null, plain_key, null, null
    from (
      select metric_type, coalesce(endpoint, '') as endpoint, ${bucket} as bucket_start, recorded_at as at, metric_value::float8 as v
      from production_metrics
      where recorded_at >= ${lower} and recorded_at < ${upper} and not ${RAW_AGGREGATE}
    ) point
    cross join lateral (
      select case when v > ${MIN_VALUE}::float8 and v < 'Infinity'::float8 then ceil(ln(v) / ${LOG_GAMMA}::float8)::int::text
                  else ${ZERO_KEY} end as plain_key
    ) keyed
    group by metric_type, endpoint, bucket_start, plain_key`;
}

/** The percentile read from a merged sketch: the same bucket value as sketchQuantile(). */
function bucketValue(column: string): SQL {
  const key = sql.raw(column);
  return sql`case when ${key} is null then null when ${key} = ${ZERO_KEY} then 0::float8
                  else 2 * power(${GAMMA}::float8, ${key}::int) / (${GAMMA}::float8 + 1) end`;
}

/** Nearest rank, as sketchQuantile(): the first key whose running count reaches ceil(q * total). */
function quantileKey(q: number): SQL {
  return sql`(array_agg(key order by cum) filter (where cum >= greatest(1, ceil(${q}::float8 * total))))[1]`;
}

/**
 * One INSERT ... SELECT ... ON CONFLICT DO UPDATE: scalars by SUM/MIN/MAX, sketches merged by
 * summing counts per key (jsonb_each_text), percentiles by a running sum over the sorted keys,
 * statuses merged like sketches, the last error class from the newest source row naming one.
 */
function rollupStatement(level: Level, from: Date, to: Date): SQL {
  const target = sql.raw(LEVELS[level].target);
  const series = sql.raw('metric_type, endpoint, bucket_start');
  return sql`
    with src as (${sourceRows(level, from, to)}),
    scalars as (
      select ${series}, sum(cnt)::bigint as count, sum(errs)::bigint as errors, sum(total) as sum, min(lo) as min, max(hi) as max
      from src group by ${series}
    ),
    hist as (
      select ${series}, key, sum(n) as n from (
        select s.metric_type, s.endpoint, s.bucket_start, e.key, (e.value::text)::float8 as n
        from src s cross join lateral jsonb_each(s.sketch) e
        where s.sketch is not null and jsonb_typeof(s.sketch) = 'object'
          and (e.key = ${ZERO_KEY} or e.key ~ '^-?[0-9]{1,6}$')
          -- A number (not a string) above zero and below 10^12, as the dashboard reads it.
          and jsonb_typeof(e.value) = 'number' and e.value::text ~ ${SKETCH_COUNT_TEXT} and e.value::text !~ '^0+(\\.0+)?$'
        union all
        select metric_type, endpoint, bucket_start, plain_key, cnt from src where plain_key is not null
      ) entries group by ${series}, key
    ),
    ranked as (
      select ${series}, key, n,
             sum(n) over (partition by ${series} order by case when key = ${ZERO_KEY} then -2147483648 else key::int end
                          rows unbounded preceding) as cum,
             sum(n) over (partition by ${series}) as total
      from hist
    ),
    pct as (
      select ${series}, jsonb_object_agg(key, n::bigint) as histogram,
             ${quantileKey(0.5)} as k50, ${quantileKey(0.95)} as k95, ${quantileKey(0.99)} as k99
      from ranked group by ${series}
    ),
    st as (
      select ${series}, jsonb_object_agg(key, n) as statuses from (
        select s.metric_type, s.endpoint, s.bucket_start, e.key, sum(e.value::float8)::bigint as n
        from src s cross join lateral jsonb_each_text(s.statuses) e
        where s.statuses is not null and e.value ~ ${SKETCH_COUNT_TEXT}
        group by 1, 2, 3, 4
      ) by_status group by ${series}
    ),
    le as (
      select distinct on (${series}) ${series}, last_error_class
      from src where last_error_class is not null
      order by ${series}, at desc
    ),
    upserted as (
      insert into ${target} (metric_type, endpoint, bucket_start, count, errors, sum, min, max, p50, p95, p99, histogram, metadata)
      select s.metric_type, s.endpoint, s.bucket_start, s.count, s.errors, s.sum, s.min, s.max,
             ${bucketValue('p.k50')}, ${bucketValue('p.k95')}, ${bucketValue('p.k99')}, p.histogram,
             jsonb_strip_nulls(jsonb_build_object('statuses', st.statuses, 'lastErrorClass', le.last_error_class))
      from scalars s
      left join pct p using (${series})
      left join st using (${series})
      left join le using (${series})
      on conflict (metric_type, endpoint, bucket_start) do update set
        count = excluded.count, errors = excluded.errors, sum = excluded.sum, min = excluded.min, max = excluded.max,
        p50 = excluded.p50, p95 = excluded.p95, p99 = excluded.p99, histogram = excluded.histogram, metadata = excluded.metadata
      returning 1
    )
    select count(*)::int as buckets from upserted`;
}
