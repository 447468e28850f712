import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { Db } from '../../db/types';

export interface CacheOverview {
  entries: number;
  bytes: number;
  topKeys: Array<{ key: string; hits: number; ttlSeconds: number; expiresAt: Date }>;
}

/** Size and most-hit keys of the L2 table (performance_cache). */
export async function cacheOverview(db: Db, now: Date, limit = 20): Promise<CacheOverview> {
  const at = now.toISOString();
  const [size] = await queryRows<{ entries: string | number; bytes: string | number | null }>(
    db,
    sql`select count(*) as entries, sum(pg_column_size(cache_value)) as bytes from performance_cache where expires_at > ${at}::timestamptz`,
  );
  const top = await queryRows<{ cache_key: string; hit_count: number; ttl_seconds: number; expires_at: Date | string }>(
    db,
    sql`select cache_key, hit_count, ttl_seconds, expires_at from performance_cache where expires_at > ${at}::timestamptz
        order by hit_count desc, cache_key limit ${limit}`,
  );
  return {
    entries: Number(size?.entries ?? 0),
    bytes: Number(size?.bytes ?? 0),
    topKeys: top.map((row) => ({ key: row.cache_key, hits: Number(row.hit_count), ttlSeconds: Number(row.ttl_seconds), expiresAt: new Date(row.expires_at) })),
  };
}

export interface PrefixTotals {
  prefix: string;
  hits: number;
  l2Hits: number;
  misses: number;
  evictions: number;
}

export interface HitRatePoint {
  at: number;
  hits: number;
  misses: number;
  hitRate: number | null;
}

const TYPES = sql`('cache_hit', 'cache_l2_hit', 'cache_miss', 'cache_eviction')`;

/** Hits, misses and evictions per key prefix over the last `hours`, summed over every instance. */
export async function cachePrefixTotals(db: Db, now: Date, hours = 24): Promise<PrefixTotals[]> {
  const rows = await queryRows<{ endpoint: string; metric_type: string; n: string | number }>(
    db,
    sql`select endpoint, metric_type, sum(metric_value) as n from production_metrics
        where metric_type in ${TYPES} and recorded_at >= ${new Date(now.getTime() - hours * 3_600_000).toISOString()}::timestamptz
        group by endpoint, metric_type`,
  );
  const byPrefix = new Map<string, PrefixTotals>();
  for (const row of rows) {
    const totals = byPrefix.get(row.endpoint) ?? { prefix: row.endpoint, hits: 0, l2Hits: 0, misses: 0, evictions: 0 };
    const n = Number(row.n);
    if (row.metric_type === 'cache_hit') totals.hits += n;
    else if (row.metric_type === 'cache_l2_hit') totals.l2Hits += n;
    else if (row.metric_type === 'cache_miss') totals.misses += n;
    else totals.evictions += n;
    byPrefix.set(row.endpoint, totals);
  }
  return [...byPrefix.values()].sort((a, b) => b.hits + b.l2Hits + b.misses - (a.hits + a.l2Hits + a.misses));
}

/** Hit rate per hour over the last `hours` (every hour present, null where nothing was asked). */
export async function hitRateSeries(db: Db, now: Date, hours = 24): Promise<HitRatePoint[]> {
  const hourMs = 3_600_000;
  const end = Math.floor(now.getTime() / hourMs) * hourMs;
  const start = end - (hours - 1) * hourMs;
  const rows = await queryRows<{ at: string | number; hits: string | number; misses: string | number }>(
    db,
    sql`select floor(extract(epoch from recorded_at) * 1000 / ${hourMs}) * ${hourMs} as at,
          sum(case when metric_type in ('cache_hit', 'cache_l2_hit') then metric_value else 0 end) as hits,
          sum(case when metric_type = 'cache_miss' then metric_value else 0 end) as misses
        from production_metrics
        where metric_type in ('cache_hit', 'cache_l2_hit', 'cache_miss') and recorded_at >= ${new Date(start).toISOString()}::timestamptz
        group by 1`,
  );
  const byHour = new Map(rows.map((row) => [Number(row.at), { hits: Number(row.hits), misses: Number(row.misses) }]));
  const points: HitRatePoint[] = [];
  for (let at = start; at <= end; at += hourMs) {
    const found = byHour.get(at) ?? { hits: 0, misses: 0 };
    const total = found.hits + found.misses;
    points.push({ at, ...found, hitRate: total > 0 ? found.hits / total : null });
  }
  return points;
}
