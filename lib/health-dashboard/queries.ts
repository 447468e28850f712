import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { DbOrTx } from '../../db/types';
import { MAX_SKETCH_COUNT, RAW_AGGREGATE } from '../metrics/raw-aggregate';
import { isSketchKey, type SketchCounts } from '../metrics/sketch';
import { checkCountsQuery } from '../monitors/checks';
import type { TierRow } from './cells';
import { GRANULARITY_MS, RAW_BUCKET_MS, type Boundaries, type Source } from './ranges';

/** The latency series: routes and server actions, and jobs. */
export const LATENCY_TYPES = ['api_response_time', 'job_duration'] as const;

type Num = number | string | null;
const num = (value: Num): number | null => (value === null || value === undefined ? null : Number(value));
const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;
const epochMs = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;
const inList = (values: readonly string[]) => sql.join(values.map((value) => sql`${value}`), sql`, `);

type RollupSource = Exclude<Source, 'raw'>;
const ROLLUP_TABLES: Record<RollupSource, string> = { '1m': 'metric_rollups_1m', '1h': 'metric_rollups_1h', '6h': 'metric_rollups_6h', '1d': 'metric_rollups_1d' };
const ROLLUP_SOURCES = Object.keys(ROLLUP_TABLES) as RollupSource[];
const rollupTable = (source: RollupSource) => sql.raw(ROLLUP_TABLES[source]);

/**
 * The end of the latest rolled-up bucket of each rollup table (null while it is empty): the
 * rollup job writes a bucket only once it is complete, so everything before this instant is
 * in the table and everything after it must come from the finer one.
 */
export async function rollupBoundaries(db: DbOrTx): Promise<Boundaries> {
  const [row] = await queryRows<Record<RollupSource, Num>>(
    db,
    sql`select ${sql.join(
      ROLLUP_SOURCES.map((source) => sql`${epochMs(sql`(select max(bucket_start) from ${rollupTable(source)})`)} as ${sql.identifier(source)}`),
      sql`, `,
    )}`,
  );
  const end = (source: RollupSource) => {
    const start = num(row?.[source] ?? null);
    return start === null ? null : start + GRANULARITY_MS[source];
  };
  return { '1m': end('1m'), '1h': end('1h'), '6h': end('6h'), '1d': end('1d') };
}

// A raw row counts as an aggregate (its counts and sketch) exactly when RAW_AGGREGATE says so,
// as in the rollup job; otherwise it is one observation of metric_value.
// Metadata of outside services is free-form and must never break the dashboard, nor count
// differently here than after it is rolled up.
const rawNumber = (field: string) => sql`case when jsonb_typeof(metadata->${field}) = 'number' then (metadata->>${field})::float8 end`;

function rawLatencyColumns() {
  return sql`metric_type as metric_type, coalesce(endpoint, '') as endpoint, ${epochMs(sql`recorded_at`)} as at,
    case when ${RAW_AGGREGATE} then coalesce(${rawNumber('bucketSeconds')} * 1000, ${RAW_BUCKET_MS}) else ${RAW_BUCKET_MS} end as granularity,
    case when ${RAW_AGGREGATE} then ${rawNumber('count')} else 1 end as count,
    case when ${RAW_AGGREGATE} then coalesce(${rawNumber('errors')}, 0) else 0 end as errors,
    case when ${RAW_AGGREGATE} then ${rawNumber('sum')} else metric_value::float8 end as sum,
    case when ${RAW_AGGREGATE} then ${rawNumber('min')} else metric_value::float8 end as min,
    case when ${RAW_AGGREGATE} then ${rawNumber('max')} else metric_value::float8 end as max,
    case when ${RAW_AGGREGATE} then metadata->'sketch' end as sketch,
    case when ${RAW_AGGREGATE} then metadata->>'lastErrorClass' end as last_error_class`;
}

interface LatencyRow extends Record<string, unknown> {
  metric_type: string;
  endpoint: string;
  at: Num;
  granularity: Num;
  count: Num;
  errors: Num;
  sum: Num;
  min: Num;
  max: Num;
  sketch: unknown;
  last_error_class: string | null;
}

function parsedObject(value: unknown): Record<string, unknown> | null {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
}

/** A count the rollup job and the dashboard take: a number above zero and below 10^12. */
const isSketchCount = (count: unknown): count is number => typeof count === 'number' && count > 0 && count < MAX_SKETCH_COUNT;

/**
 * A raw row's sketch (outside services write free-form metadata): entries the rollup job would
 * skip are dropped here too. The usual case, our own sketches, is the parsed object, no copy.
 */
export function cleanRawSketch(value: unknown): SketchCounts | null {
  const entries = parsedObject(value);
  if (!entries) return null;
  let clean = true;
  for (const key in entries) {
    if (!isSketchKey(key) || !isSketchCount(entries[key])) {
      clean = false;
      break;
    }
  }
  if (clean) return entries as SketchCounts;
  const out: SketchCounts = {};
  for (const key in entries) {
    const count = entries[key];
    if (isSketchKey(key) && isSketchCount(count)) out[key] = count;
  }
  return out;
}

/**
 * A rollup row's sketch as stored: only the rollup job's statement writes these tables, and it
 * keeps only keys it accepts and writes bigint counts, so checking every key again (a fifth of
 * reading a week of hourly rows) would find nothing.
 */
function storedSketch(value: unknown): SketchCounts | null {
  return parsedObject(value) as SketchCounts | null;
}

function toTierRow(row: LatencyRow, count: number, sketch: SketchCounts | null): TierRow {
  const sum = num(row.sum) ?? 0;
  return {
    metricType: row.metric_type,
    endpoint: row.endpoint,
    at: num(row.at) ?? 0,
    granularityMs: num(row.granularity) ?? RAW_BUCKET_MS,
    count,
    errors: num(row.errors) ?? 0,
    sum,
    min: num(row.min) ?? sum,
    max: num(row.max) ?? sum,
    sketch,
    lastErrorClass: row.last_error_class ?? null,
  };
}

/** Latency rows (routes, actions, jobs) of one table in [from, to). */
export async function readLatencyRows(db: DbOrTx, source: Source, from: number, to: number): Promise<TierRow[]> {
  const types = inList(LATENCY_TYPES);
  let query: SQL;
  if (source === 'raw') {
    query = sql`select ${rawLatencyColumns()} from production_metrics
      where metric_type in (${types}) and recorded_at >= ${ts(from)} and recorded_at < ${ts(to)}`;
  } else {
    const table = rollupTable(source);
    query = sql`select metric_type, endpoint, ${epochMs(sql`bucket_start`)} as at, ${GRANULARITY_MS[source]}::float8 as granularity,
        count::float8 as count, errors::float8 as errors, sum, min, max, histogram as sketch,
        metadata->>'lastErrorClass' as last_error_class
      from ${table}
      where metric_type in (${types}) and bucket_start >= ${ts(from)} and bucket_start < ${ts(to)}`;
  }
  const rows = await queryRows<LatencyRow>(db, query);
  const readSketch = source === 'raw' ? cleanRawSketch : storedSketch;
  const out: TierRow[] = [];
  for (const row of rows) {
    const count = num(row.count) ?? 0;
    if (count > 0) out.push(toTierRow(row, count, readSketch(row.sketch)));
  }
  return out;
}

/**
 * For series whose latest error is only known to a rollup bucket: the minute within it (from
 * the minute rollups), then the latest raw row with errors in that minute, which names the
 * exact 10-second bucket and the error class. Two short index scans per series instead of a
 * scan of an hour of raw rows. Raw rows are kept 7 days and minute rollups 30; older errors
 * keep what is known (`exact: false`).
 */
export async function resolveLastErrors(
  db: DbOrTx,
  wanted: ReadonlyArray<{ metricType: string; endpoint: string; from: number; to: number }>,
): Promise<Map<string, { at: number; exact: boolean; className: string | null }>> {
  const found = new Map<string, { at: number; exact: boolean; className: string | null }>();
  if (wanted.length === 0) return found;
  const values = sql.join(
    wanted.map((w) => sql`(${w.metricType}, ${w.endpoint}, ${ts(w.from)}, ${ts(w.to)})`),
    sql`, `,
  );
  const rows = await queryRows<{ metric_type: string; endpoint: string; minute: Num; at: Num; class: string | null }>(
    db,
    sql`select w.metric_type, w.endpoint, ${epochMs(sql`n.minute`)} as minute, ${epochMs(sql`e.recorded_at`)} as at, e.class
        from (values ${values}) as w(metric_type, endpoint, from_at, to_at)
        cross join lateral (
          select (select m.bucket_start from metric_rollups_1m m
                  where m.metric_type = w.metric_type and m.endpoint = w.endpoint
                    and m.bucket_start >= w.from_at and m.bucket_start < w.to_at and m.errors > 0
                  order by m.bucket_start desc limit 1) as minute
        ) n
        left join lateral (
          select recorded_at, metadata->>'lastErrorClass' as class from production_metrics p
          where p.metric_type = w.metric_type and p.endpoint = w.endpoint
            and p.recorded_at >= coalesce(n.minute, w.from_at) and p.recorded_at < coalesce(n.minute + interval '1 minute', w.to_at)
            and jsonb_typeof(p.metadata->'errors') = 'number' and (p.metadata->>'errors')::float8 > 0
          order by p.recorded_at desc limit 1
        ) e on true`,
  );
  for (const row of rows) {
    const at = num(row.at);
    const minute = num(row.minute);
    if (at !== null) found.set(`${row.metric_type}\u0000${row.endpoint}`, { at, exact: true, className: row.class });
    else if (minute !== null) found.set(`${row.metric_type}\u0000${row.endpoint}`, { at: minute, exact: false, className: null });
  }
  return found;
}

/** Gauges the dashboard shows: process and database samples (the shared metric format). */
export const GAUGES = {
  rss: { metricType: 'memory_usage', endpoint: 'process:rss' },
  heapUsed: { metricType: 'memory_usage', endpoint: 'process:heap_used' },
  cpu: { metricType: 'cpu_usage', endpoint: 'process' },
  eventLoopLag: { metricType: 'event_loop_lag', endpoint: 'process' },
  dbRoundTrip: { metricType: 'db_query_time', endpoint: 'db:round_trip' },
  dbActive: { metricType: 'db_connections', endpoint: 'db:active' },
  dbIdle: { metricType: 'db_connections', endpoint: 'db:idle' },
  dbTotal: { metricType: 'db_connections', endpoint: 'db:total' },
  dbMax: { metricType: 'db_connections', endpoint: 'db:max' },
  cacheHitRatio: { metricType: 'db_stat', endpoint: 'cache_hit_ratio' },
  commitsPerS: { metricType: 'db_stat', endpoint: 'xact_commit_per_s' },
  rollbacksPerS: { metricType: 'db_stat', endpoint: 'xact_rollback_per_s' },
  deadlocks: { metricType: 'db_stat', endpoint: 'deadlocks' },
  dbSizeBytes: { metricType: 'db_stat', endpoint: 'db_size_bytes' },
} as const;
export type GaugeName = keyof typeof GAUGES;
const GAUGE_NAMES = Object.keys(GAUGES) as GaugeName[];

export interface GaugeStats {
  count: number;
  sum: number;
  min: number;
  max: number;
}

function gaugeValues() {
  return sql.join(
    GAUGE_NAMES.map((name) => sql`(${name}, ${GAUGES[name].metricType}, ${GAUGES[name].endpoint})`),
    sql`, `,
  );
}

/**
 * Count, sum, min and max of every gauge over a window, each instant read from one tier (see
 * tierSpans). One statement; each tier is an index range scan per gauge.
 */
export async function readGaugeStats(
  db: DbOrTx,
  spans: ReadonlyArray<{ source: Source; from: number; to: number }>,
): Promise<Map<GaugeName, GaugeStats>> {
  const out = new Map<GaugeName, GaugeStats>();
  if (spans.length === 0) return out;
  const parts = spans.map(({ source, from, to }) => {
    if (source === 'raw') {
      return sql`select g.name, r.* from (values ${gaugeValues()}) as g(name, metric_type, endpoint)
        cross join lateral (
          select sum(case when ${RAW_AGGREGATE} then ${rawNumber('count')} else 1 end) as count,
                 sum(case when ${RAW_AGGREGATE} then ${rawNumber('sum')} else metric_value::float8 end) as sum,
                 min(metric_value::float8) as min, max(metric_value::float8) as max
          from production_metrics p
          where p.metric_type = g.metric_type and p.endpoint = g.endpoint
            and p.recorded_at >= ${ts(from)} and p.recorded_at < ${ts(to)}
        ) r`;
    }
    const table = rollupTable(source);
    return sql`select g.name, r.* from (values ${gaugeValues()}) as g(name, metric_type, endpoint)
      cross join lateral (
        select sum(count)::float8 as count, sum(sum) as sum, min(min) as min, max(max) as max
        from ${table} t
        where t.metric_type = g.metric_type and t.endpoint = g.endpoint
          and t.bucket_start >= ${ts(from)} and t.bucket_start < ${ts(to)}
      ) r`;
  });
  const rows = await queryRows<{ name: GaugeName; count: Num; sum: Num; min: Num; max: Num }>(
    db,
    sql`select name, sum(count)::float8 as count, sum(sum)::float8 as sum, min(min)::float8 as min, max(max)::float8 as max
        from (${sql.join(parts, sql` union all `)}) as tiers group by name`,
  );
  for (const row of rows) {
    const count = num(row.count) ?? 0;
    if (count <= 0) continue;
    out.set(row.name, { count, sum: num(row.sum) ?? 0, min: num(row.min) ?? 0, max: num(row.max) ?? 0 });
  }
  return out;
}

/** The newest raw sample of every gauge at or before `at` (within raw retention). */
export async function readLatestGauges(db: DbOrTx, at: number): Promise<Map<GaugeName, { value: number; at: number }>> {
  const rows = await queryRows<{ name: GaugeName; value: Num; at: Num }>(
    db,
    sql`select g.name, r.value, r.at from (values ${gaugeValues()}) as g(name, metric_type, endpoint)
        cross join lateral (
          select metric_value::float8 as value, ${epochMs(sql`recorded_at`)} as at from production_metrics p
          where p.metric_type = g.metric_type and p.endpoint = g.endpoint and p.recorded_at <= ${ts(at)}
          order by p.recorded_at desc limit 1
        ) r`,
  );
  return new Map(rows.map((row) => [row.name, { value: num(row.value) ?? 0, at: num(row.at) ?? 0 }]));
}

/**
 * Monitor checks in [from, to): all of them, and those that got an answer (up or degraded).
 * Whole hours come from monitor_check_hours, only the edges from monitor_checks.
 */
export async function readUptime(db: DbOrTx, from: number, to: number): Promise<{ checks: number; ok: number }> {
  const [row] = await queryRows<{ checks: Num; ok: Num }>(
    db,
    sql`select coalesce(sum(checks_0), 0)::float8 as checks, coalesce(sum(ok_0), 0)::float8 as ok
        from (${checkCountsQuery([{ from, to, bounds: '[)' }])}) as counts`,
  );
  return { checks: num(row?.checks ?? 0) ?? 0, ok: num(row?.ok ?? 0) ?? 0 };
}

/** Whether anything was ever recorded: the difference between "no data yet" and a quiet range. */
export async function hasAnyMetrics(db: DbOrTx): Promise<boolean> {
  const [row] = await queryRows<{ any: boolean }>(
    db,
    sql`select (exists (select 1 from production_metrics) or exists (select 1 from metric_rollups_1m)
                or exists (select 1 from metric_rollups_1h)) as any`,
  );
  return Boolean(row?.any);
}
