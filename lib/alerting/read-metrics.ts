import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { DbOrTx } from '../../db/types';
import { LOG_GAMMA, MIN_VALUE, ZERO_KEY, mergeSketches, sketchQuantile, type SketchCounts } from '../metrics/sketch';
import type { AlertRule } from './types';

/** What a window holds for one endpoint (or, merged, for all endpoints of a metric type). */
export interface WindowStats {
  count: number;
  errors: number;
  sum: number;
  min: number;
  max: number;
  sketch: SketchCounts | null;
}

export type MetricRule = Pick<AlertRule, 'id' | 'metricType' | 'endpoint' | 'aggregation' | 'windowSeconds'>;

const iso = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const NEEDS_SKETCH = new Set(['p95', 'p99']);

/**
 * One window of one metric type, per endpoint: complete minutes from metric_rollups_1m up to
 * the newest rolled-up minute, and the raw tail after it from production_metrics (our
 * 10-second aggregate rows and plain ingested points alike), in one statement. Percentile
 * sketches are merged in the database and returned as (endpoint, key, n) rows only when a
 * rule of the group needs them.
 */
export async function readWindow(
  db: DbOrTx,
  input: { metricType: string; from: Date; to: Date; endpoints: string[] | null; withSketch: boolean },
): Promise<Map<string, WindowStats>> {
  const endpointFilter = (column: SQL) =>
    input.endpoints ? sql`and ${column} in (${sql.join(input.endpoints.map((e) => sql`${e}`), sql`, `)})` : sql``;
  const src = sql`
    with b as (
      select greatest(${iso(input.from)}, least(${iso(input.to)},
        coalesce((select max(bucket_start) from metric_rollups_1m) + interval '1 minute', '-infinity'::timestamptz))) as boundary
    ),
    src as (
      select r.endpoint, r.count::float8 as cnt, r.errors::float8 as errs, r.sum as total, r.min as lo, r.max as hi,
             r.histogram as sketch, null::text as plain_key
      from metric_rollups_1m r, b
      where r.metric_type = ${input.metricType} and r.bucket_start >= ${iso(input.from)} and r.bucket_start < b.boundary
        ${endpointFilter(sql`r.endpoint`)}
      union all
      select endpoint,
             case when agg then (m->>'count')::float8 else 1 end,
             case when agg and jsonb_typeof(m->'errors') = 'number' then (m->>'errors')::float8 else 0 end,
             case when agg then (m->>'sum')::float8 else v end,
             case when agg then (m->>'min')::float8 else v end,
             case when agg then (m->>'max')::float8 else v end,
             case when agg then m->'sketch' end,
             case when agg then null
                  when v > ${MIN_VALUE}::float8 and v < 'Infinity'::float8 then ceil(ln(v) / ${LOG_GAMMA}::float8)::int::text
                  else ${ZERO_KEY} end
      from (
        select coalesce(p.endpoint, '') as endpoint, p.metadata as m, p.metric_value::float8 as v,
               coalesce(p.metadata->>'agg' = '1'
                 and jsonb_typeof(p.metadata->'sketch') = 'object'
                 and jsonb_typeof(p.metadata->'count') = 'number'
                 and jsonb_typeof(p.metadata->'sum') = 'number'
                 and jsonb_typeof(p.metadata->'min') = 'number'
                 and jsonb_typeof(p.metadata->'max') = 'number', false) as agg
        from production_metrics p, b
        where p.metric_type = ${input.metricType} and p.recorded_at >= b.boundary and p.recorded_at < ${iso(input.to)}
          ${endpointFilter(sql`coalesce(p.endpoint, '')`)}
      ) raw
    )`;
  const rows = await queryRows<{ endpoint: string; cnt: number | string; errs: number | string; total: number | string; lo: number | string; hi: number | string }>(
    db,
    sql`${src} select endpoint, sum(cnt) as cnt, sum(errs) as errs, sum(total) as total, min(lo) as lo, max(hi) as hi from src group by endpoint`,
  );
  const stats = new Map<string, WindowStats>();
  for (const row of rows) {
    stats.set(row.endpoint, { count: Number(row.cnt), errors: Number(row.errs), sum: Number(row.total), min: Number(row.lo), max: Number(row.hi), sketch: input.withSketch ? {} : null });
  }
  if (input.withSketch && stats.size > 0) {
    const keys = await queryRows<{ endpoint: string; key: string; n: number | string }>(
      db,
      sql`${src}
        select endpoint, key, sum(n) as n from (
          select s.endpoint, e.key, e.value::float8 as n
          from src s cross join lateral jsonb_each_text(s.sketch) e
          where s.sketch is not null and jsonb_typeof(s.sketch) = 'object'
            and (e.key = ${ZERO_KEY} or e.key ~ '^-?[0-9]{1,6}$') and e.value ~ '^[0-9]+(\\.[0-9]+)?$'
          union all
          select endpoint, plain_key, 1 from src where plain_key is not null
        ) entries group by endpoint, key`,
    );
    for (const row of keys) {
      const target = stats.get(row.endpoint)?.sketch;
      if (target) target[row.key] = (target[row.key] ?? 0) + Number(row.n);
    }
  }
  return stats;
}

/** All endpoints of a metric type together (a rule without an endpoint filter). */
export function mergeStats(all: Iterable<WindowStats>): WindowStats | undefined {
  let merged: WindowStats | undefined;
  for (const s of all) {
    if (!merged) {
      merged = { ...s, sketch: s.sketch ? { ...s.sketch } : null };
      continue;
    }
    merged.count += s.count;
    merged.errors += s.errors;
    merged.sum += s.sum;
    merged.min = Math.min(merged.min, s.min);
    merged.max = Math.max(merged.max, s.max);
    if (merged.sketch && s.sketch) mergeSketches(merged.sketch, s.sketch);
  }
  return merged;
}

/**
 * The rule's aggregate of a window, or null when the window holds no data. `rate` is
 * observations per second over the window (Prometheus' rate() of a counter of calls).
 */
export function aggregate(rule: Pick<AlertRule, 'aggregation' | 'windowSeconds'>, stats: WindowStats | undefined): number | null {
  if (!stats || stats.count <= 0) return rule.aggregation === 'count' || rule.aggregation === 'rate' ? (stats ? 0 : null) : null;
  switch (rule.aggregation) {
    case 'avg':
      return stats.sum / stats.count;
    case 'max':
      return stats.max;
    case 'min':
      return stats.min;
    case 'count':
      return stats.count;
    case 'rate':
      return stats.count / rule.windowSeconds;
    case 'p95':
      return stats.sketch ? sketchQuantile(stats.sketch, 0.95) : null;
    case 'p99':
      return stats.sketch ? sketchQuantile(stats.sketch, 0.99) : null;
  }
}

/**
 * Every metric rule's value in as few queries as possible: the rules are grouped by
 * (metric type, window) and each group is one readWindow(), whatever the number of rules.
 */
export async function readRuleValues(db: DbOrTx, rules: readonly MetricRule[], now: Date): Promise<Map<string, number | null>> {
  const groups = new Map<string, MetricRule[]>();
  for (const rule of rules) {
    const key = `${rule.metricType}\u0000${rule.windowSeconds}`;
    const group = groups.get(key);
    if (group) group.push(rule);
    else groups.set(key, [rule]);
  }
  const values = new Map<string, number | null>();
  for (const group of groups.values()) {
    const first = group[0]!;
    const endpoints = group.some((r) => r.endpoint === null) ? null : [...new Set(group.map((r) => r.endpoint!))];
    const stats = await readWindow(db, {
      metricType: first.metricType,
      from: new Date(now.getTime() - first.windowSeconds * 1000),
      to: now,
      endpoints,
      withSketch: group.some((r) => NEEDS_SKETCH.has(r.aggregation)),
    });
    const all = endpoints === null ? mergeStats(stats.values()) : undefined;
    for (const rule of group) values.set(rule.id, aggregate(rule, rule.endpoint === null ? all : stats.get(rule.endpoint)));
  }
  return values;
}
