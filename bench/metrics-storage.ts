/**
 * The figures behind docs/adr/0004-metrics-storage.md, on real Postgres, in one run.
 * `npx tsx bench/metrics-storage.ts`.
 *
 * 1. Rollup of a 10-minute window (what metrics-rollup recomputes every minute): the SQL
 *    statement of lib/metrics/rollup.ts against the same work done in JS (fetch the rows,
 *    merge sketches with lib/metrics/sketch.ts, upsert), with self-measured rows only and
 *    with ingest points added.
 * 2. Retention of one day of raw rows: lib/metrics/retention.ts (5,000-row batches) against
 *    one DELETE, and against DROP TABLE of that day's partition in a table partitioned by day.
 *
 * A throw-away database is created on the local server and dropped after. Bounded: DAY_ROWS
 * rows a day (default 290,000: one instance, 30 endpoints and 4 process series every 10 s,
 * plus database samples), 3 days. Loopback only.
 *
 * Env: BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_DAY_ROWS, BENCH_ONLY (rollup | retention).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { migratePostgresUrl } from '../db/migrate';
import { openPostgres } from '../db/open';
import { queryRows } from '../db/rows';
import { metricRollups1m } from '../db/schema';
import { assertLocalDatabaseUrl } from '../db/testing/assert-local';
import type { Db } from '../db/types';
import { applyMetricsRetention } from '../lib/metrics/retention';
import { rollUpMetrics } from '../lib/metrics/rollup';
import { addToSketch, mergeSketches, sketchPercentiles, type SketchCounts } from '../lib/metrics/sketch';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DAY_ROWS = Math.min(Number(process.env.BENCH_DAY_ROWS ?? 290_000), 2_000_000);
const DAYS = 3;
const ONLY = process.env.BENCH_ONLY; // 'rollup' or 'retention'
const NOW = new Date('2026-03-04T00:05:30Z');

const ms = (start: number) => performance.now() - start;
const fmt = (value: number) => `${value.toFixed(0)} ms`;

/** Self-measured 10-second rows (agg) for `series` endpoints over [from, to), by generate_series. */
async function seedAggRows(db: Db, from: Date, to: Date, series: number): Promise<void> {
  await db.execute(sql`
    insert into production_metrics (metric_type, endpoint, metric_value, recorded_at, metadata)
    select 'api_response_time', 'GET /api/e' || e, 12.5, t,
           jsonb_build_object('agg', 1, 'bucketSeconds', 10, 'count', 20, 'errors', (e % 3), 'sum', 250, 'min', 2, 'max', 90,
             'p50', 10, 'p95', 80, 'p99', 90, 'instance', 'bench',
             'statuses', jsonb_build_object('200', 20 - (e % 3), '500', (e % 3)),
             'sketch', jsonb_build_object('69', 5, '115', 5, '150', 4, (170 + e % 20)::text, 4, '225', 2))
    from generate_series(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz - interval '10 seconds', interval '10 seconds') t,
         generate_series(1, ${series}) e`);
}

/** Plain points as ingest stores them: `perMinute` a minute over [from, to). */
async function seedPlainPoints(db: Db, from: Date, to: Date, perMinute: number): Promise<void> {
  await db.execute(sql`
    insert into production_metrics (metric_type, endpoint, metric_value, recorded_at, metadata)
    select 'checkout_latency', 'svc-' || (i % 20), (i % 997) * 1.7 + 1, t + (i % 60) * interval '1 second',
           jsonb_build_object('region', case when i % 2 = 0 then 'eu' else 'us' end)
    from generate_series(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz - interval '1 minute', interval '1 minute') t,
         generate_series(1, ${perMinute}) i`);
}

/** The same rollup in JS: rows out of the database, sketches merged here, rows back in. */
async function rollUpInJs(db: Db, from: Date, to: Date): Promise<number> {
  const rows = await queryRows<{ metric_type: string; endpoint: string | null; recorded_at: string | Date; metric_value: string | number; metadata: Record<string, unknown> | null }>(
    db,
    sql`select metric_type, endpoint, recorded_at, metric_value, metadata from production_metrics
        where recorded_at >= ${from.toISOString()}::timestamptz and recorded_at < ${to.toISOString()}::timestamptz`,
  );
  const buckets = new Map<string, { metricType: string; endpoint: string; bucketStart: Date; count: number; errors: number; sum: number; min: number; max: number; sketch: SketchCounts }>();
  for (const row of rows) {
    const endpoint = row.endpoint ?? '';
    const start = Math.floor(new Date(row.recorded_at).getTime() / 60_000) * 60_000;
    const key = `${row.metric_type}\u0000${endpoint}\u0000${start}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { metricType: row.metric_type, endpoint, bucketStart: new Date(start), count: 0, errors: 0, sum: 0, min: Infinity, max: -Infinity, sketch: {} };
      buckets.set(key, bucket);
    }
    const meta = row.metadata;
    if (meta && meta.agg === 1) {
      bucket.count += meta.count as number;
      bucket.errors += (meta.errors as number) ?? 0;
      bucket.sum += meta.sum as number;
      bucket.min = Math.min(bucket.min, meta.min as number);
      bucket.max = Math.max(bucket.max, meta.max as number);
      mergeSketches(bucket.sketch, meta.sketch as SketchCounts);
    } else {
      const value = Number(row.metric_value);
      bucket.count += 1;
      bucket.sum += value;
      bucket.min = Math.min(bucket.min, value);
      bucket.max = Math.max(bucket.max, value);
      addToSketch(bucket.sketch, value);
    }
  }
  const values = [...buckets.values()].map((bucket) => ({ ...bucket, ...sketchPercentiles(bucket.sketch), histogram: bucket.sketch, sketch: undefined }));
  for (let i = 0; i < values.length; i += 2_000) {
    await db
      .insert(metricRollups1m)
      .values(values.slice(i, i + 2_000).map(({ sketch: _sketch, ...row }) => row))
      .onConflictDoUpdate({
        target: [metricRollups1m.metricType, metricRollups1m.endpoint, metricRollups1m.bucketStart],
        set: { count: sql`excluded.count`, errors: sql`excluded.errors`, sum: sql`excluded.sum`, min: sql`excluded.min`, max: sql`excluded.max`, p50: sql`excluded.p50`, p95: sql`excluded.p95`, p99: sql`excluded.p99`, histogram: sql`excluded.histogram` },
      });
  }
  return values.length;
}

async function rollupFigures(db: Db): Promise<void> {
  const windowTo = new Date(Math.floor(NOW.getTime() / 60_000) * 60_000);
  const windowFrom = new Date(windowTo.getTime() - 10 * 60_000);
  console.log('\n1. Rollup of the 10-minute window (best of 3; the rollup tables emptied before each run)');
  await seedAggRows(db, new Date(windowFrom.getTime() - 3_600_000), windowTo, 30);
  for (const [label, plainPerMinute] of [['30 endpoints, self-measured only', 0], ['plus 10,000 ingest points a minute', 10_000]] as const) {
    if (plainPerMinute) await seedPlainPoints(db, windowFrom, windowTo, plainPerMinute);
    await db.execute(sql`analyze production_metrics`);
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from production_metrics where recorded_at >= ${windowFrom.toISOString()}::timestamptz and recorded_at < ${windowTo.toISOString()}::timestamptz`);
    const times = { sql: Infinity, js: Infinity };
    // CPU time of this (the app's) process: with the in-process scheduler the rollup runs inside
    // the web server, so this is time taken from request handling.
    const appCpu = { sql: Infinity, js: Infinity };
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    for (let round = 0; round < 3; round += 1) {
      await db.execute(sql`truncate metric_rollups_1m, metric_rollups_1h`);
      // Seed the watermark so the run covers exactly the lateness window.
      await db.execute(sql`insert into metric_rollups_1m (metric_type, endpoint, bucket_start, count, sum, min, max) values ('x', '', ${new Date(windowFrom.getTime() - 60_000).toISOString()}::timestamptz, 1, 1, 1, 1)`);
      let start = performance.now();
      let cpu = process.cpuUsage();
      await rollUpMetrics(db, { now: NOW });
      times.sql = Math.min(times.sql, ms(start));
      appCpu.sql = Math.min(appCpu.sql, cpuMs(cpu));
      await db.execute(sql`truncate metric_rollups_1m`);
      start = performance.now();
      cpu = process.cpuUsage();
      await rollUpInJs(db, windowFrom, windowTo);
      times.js = Math.min(times.js, ms(start));
      appCpu.js = Math.min(appCpu.js, cpuMs(cpu));
    }
    console.log(`  ${label} (${n} raw rows in the window):`);
    console.log(`    SQL (lib/metrics/rollup.ts, both levels): ${fmt(times.sql)} wall, ${fmt(appCpu.sql)} CPU in the app process`);
    console.log(`    JS (rows fetched and merged in the app):  ${fmt(times.js)} wall, ${fmt(appCpu.js)} CPU in the app process`);
  }
}

async function retentionFigures(db: Db, url: string): Promise<void> {
  console.log(`\n2. Retention: ${DAYS} days of raw rows, ${DAY_ROWS} a day; delete the oldest day`);
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const seed = async (table: string) => {
      const start = performance.now();
      await client.unsafe(`
        insert into ${table} (metric_type, endpoint, metric_value, recorded_at, metadata)
        select 'api_response_time', 'GET /api/e' || (g % 30), 12.5,
               timestamptz '2026-03-01 00:00:00+00' + (g * (86400.0 * ${DAYS} / ${DAY_ROWS * DAYS})) * interval '1 second',
               jsonb_build_object('agg', 1, 'count', 20, 'sum', 250, 'min', 2, 'max', 90, 'sketch', jsonb_build_object('69', 5, '115', 15))
        from generate_series(0, ${DAY_ROWS * DAYS - 1}) g`);
      await client.unsafe(`analyze ${table}`);
      return ms(start);
    };
    await client.unsafe('truncate production_metrics');
    const plainSeed = await seed('production_metrics');
    // Batched, as metrics-retention does it; each batch timed through a wrapper on the count.
    let start = performance.now();
    const result = await applyMetricsRetention(db, { now: new Date('2026-03-09T00:00:00Z') });
    const batched = ms(start);
    const batches = Math.ceil(result.rawDeleted / 5_000);
    console.log(`  plain table: loading ${DAY_ROWS * DAYS} rows took ${fmt(plainSeed)}`);
    console.log(`  batched DELETE (5,000 rows a statement): ${result.rawDeleted} rows in ${fmt(batched)}, ${batches} statements, about ${(batched / Math.max(batches, 1)).toFixed(1)} ms each`);

    await client.unsafe('truncate production_metrics');
    await seed('production_metrics');
    start = performance.now();
    const single = await client.unsafe(`delete from production_metrics where recorded_at < timestamptz '2026-03-02 00:00:00+00'`);
    console.log(`  one DELETE of the day: ${single.count} rows in ${fmt(ms(start))} (one transaction holding every row lock that long)`);

    // The alternative: production_metrics partitioned by day (its key must then include recorded_at).
    await client.unsafe(`create table pm_part (like production_metrics including defaults) partition by range (recorded_at)`);
    for (let day = 0; day < DAYS + 1; day += 1) {
      const from = new Date(Date.UTC(2026, 2, 1 + day)).toISOString();
      const to = new Date(Date.UTC(2026, 2, 2 + day)).toISOString();
      await client.unsafe(`create table pm_part_${day} partition of pm_part for values from ('${from}') to ('${to}')`);
    }
    // The same indexes as production_metrics; a partitioned table's primary key must include the partition key.
    await client.unsafe(`alter table pm_part add primary key (id, recorded_at)`);
    await client.unsafe(`create index on pm_part (metric_type, endpoint, recorded_at desc)`);
    await client.unsafe(`create index on pm_part (recorded_at)`);
    const partSeed = await seed('pm_part');
    start = performance.now();
    await client.unsafe(`drop table pm_part_0`);
    console.log(`  partitioned by day: loading took ${fmt(partSeed)}; DROP TABLE of the day's partition: ${fmt(ms(start))}`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  assertLocalDatabaseUrl(BASE_URL);
  const name = `smm_bench_storage_${randomBytes(4).toString('hex')}`;
  const admin = postgres(BASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const opened = openPostgres(url.toString(), 2);
  try {
    await migratePostgresUrl(url.toString());
    const [{ version } = { version: '' }] = await queryRows<{ version: string }>(opened.db, sql`select current_setting('server_version') as version`);
    console.log(`Metrics storage figures on PostgreSQL ${version} (throw-away database ${name})`);
    if (ONLY !== 'retention') await rollupFigures(opened.db);
    if (ONLY !== 'rollup') await retentionFigures(opened.db, url.toString());
  } finally {
    await opened.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
