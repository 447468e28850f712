/**
 * Benchmark (c) of issue 3: System health dashboard queries over 10 million production_metrics
 * rows, on real Postgres. `npm run bench:dashboard`. Target: p95 < 50 ms per query.
 *
 * A throw-away database is created on the local server, migrated, filled with SQL
 * (generate_series) and dropped after:
 *   - raw: 7 days (raw retention) of 10-second rows from INSTANCES instances: routes, actions
 *     and jobs as aggregated rows (counts + sketch) and process samples, plus database samples
 *     every minute; BENCH_ROWS rows in all (default 10,000,000);
 *   - rollups matching them: 1-minute rollups for the 7 days, 1-hour rollups for 60 days (the
 *     30-day range compares with the 30 days before), sketches of ~60 and ~150 buckets, and
 *     the 6-hour and 1-day rollups the rollup job's statement merges from those hours;
 *   - three monitors checked every minute for 60 days.
 * Loading is not what is measured: production_metrics is made UNLOGGED and its secondary
 * indexes are built after the load (this database is thrown away).
 *
 * Then, for every range, BENCH_RUNS warm runs (after one untimed run) of:
 *   - each query loadDashboard makes, on its own;
 *   - loadDashboard as a whole without the closed-step cache (a first visit), and with it
 *     (what the page does on each 10-second refresh);
 *   - the baseline: the same latency figures (per endpoint and per step: counts, errors, sums
 *     and merged sketches) aggregated in SQL straight from production_metrics, no rollups.
 *
 * Env: BENCH_DATABASE_URL or DATABASE_URL (local only; default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_ROWS, BENCH_RUNS (default 15), BENCH_KEEP=1 keeps the database, BENCH_REUSE=<name> times
 * the queries on a kept database without loading it again (after applying newer migrations and
 * rolling any empty 6-hour or daily table from its hours).
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { migratePostgresUrl } from '../db/migrate';
import { openPostgres } from '../db/open';
import { queryRows } from '../db/rows';
import { assertLocalDatabaseUrl } from '../db/testing/assert-local';
import type { Db } from '../db/types';
import { loadDashboard, warmClosedSteps } from '../lib/health-dashboard/load-dashboard';
import * as queries from '../lib/health-dashboard/queries';
import { HOUR_MS, MINUTE_MS, planWindow, previousSteps, RANGE_KEYS, tierSpans, type RangeKey } from '../lib/health-dashboard/ranges';
import { StepCache } from '../lib/health-dashboard/step-cache';
import { recountMonitorCheckHours } from '../lib/monitors/checks';
import { listMonitorStatus } from '../lib/monitors/queries';
import { rollUpRangeFromHours, type HourlyRolledLevel } from '../lib/metrics/rollup';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Math.min(Number(process.env.BENCH_ROWS ?? 10_000_000), 30_000_000);
const RUNS = Math.max(3, Math.min(Number(process.env.BENCH_RUNS ?? 15), 100));
const REUSE = process.env.BENCH_REUSE;
const KEEP = process.env.BENCH_KEEP === '1' || Boolean(REUSE);

// A fixed "now" 25 s into a minute, so every run of the bench reads the same rows.
const NOW = new Date('2026-03-04T12:34:25Z');
const RAW_DAYS = 7;
const HOURLY_DAYS = 60;
const INSTANCES = 4;
const BUCKETS = (RAW_DAYS * 86_400) / 10;
const DB_ENDPOINTS = 10;
const JOBS = 5;
const ACTIONS = 6;

const rawFrom = new Date(Math.floor(NOW.getTime() / 10_000) * 10_000 - RAW_DAYS * 86_400_000);
const minuteTo = new Date(Math.floor(NOW.getTime() / MINUTE_MS) * MINUTE_MS);
const hourTo = new Date(Math.floor(NOW.getTime() / HOUR_MS) * HOUR_MS);

function percentile(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`.padStart(9);
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

/** Latency series: jobs first, then actions, then routes. */
function seriesCount(): number {
  // Latency series write a row per instance every 10 s (jobs only once a minute, from one
  // instance); process samples 4 per instance; database samples 10 a minute.
  const perLatency = INSTANCES * BUCKETS;
  const fixed = 4 * INSTANCES * BUCKETS + DB_ENDPOINTS * (BUCKETS / 6) + JOBS * (BUCKETS / 6);
  return Math.max(JOBS + ACTIONS + 1, Math.round((ROWS - fixed) / perLatency) + JOBS);
}

const LATENCY = (e: string) => `case when ${e} <= ${JOBS} then 'job_duration' else 'api_response_time' end`;
const ENDPOINT = (e: string) =>
  `case when ${e} <= ${JOBS} then 'job-' || ${e} when ${e} <= ${JOBS + ACTIONS} then 'action:area/a' || ${e} else 'GET /api/e' || ${e} end`;

async function load(client: postgres.Sql, series: number): Promise<void> {
  const start = `'${rawFrom.toISOString()}'::timestamptz`;
  // Raw latency rows: six sketch buckets out of 150 per endpoint, so an hour merges to ~150.
  const rawLatency = (instances: number[]) => `
    insert into production_metrics (metric_type, endpoint, metric_value, recorded_at, metadata)
    select ${LATENCY('e')}, ${ENDPOINT('e')}, 40, ${start} + b * interval '10 seconds',
      jsonb_build_object('agg', 1, 'bucketSeconds', 10, 'count', c, 'errors', err, 'sum', c * 40.0, 'min', 4, 'max', 400,
        'p50', 38, 'p95', 120, 'p99', 300, 'instance', 'bench-' || i,
        'statuses', jsonb_build_object('200', c - err, '500', err),
        'sketch', jsonb_build_object((k0)::text, 1, (k0 + 25)::text, 1, (k0 + 50)::text, c - 5, (k0 + 75)::text, 1, (k0 + 100)::text, 1, (k0 + 125)::text, 1))
      || case when err > 0 then jsonb_build_object('lastErrorClass', 'TimeoutError') else '{}'::jsonb end
    from generate_series(0, ${BUCKETS - 1}) b, generate_series(1, ${series}) e, unnest(array[${instances.join(',')}]) i,
      lateral (select 6 + (b + e) % 10 as c, case when (b * 7 + e * 13 + i) % 97 = 0 then 1 else 0 end as err,
                      300 + e + (b * 37 + i * 11) % 25 as k0) x
    where e > ${JOBS} or (b % 6 = 0 and i = 1)`;
  const process_ = (instances: number[]) => `
    insert into production_metrics (metric_type, endpoint, metric_value, recorded_at, metadata)
    select g.mt, g.ep, g.v + (b % 50), ${start} + b * interval '10 seconds', jsonb_build_object('instance', 'bench-' || i)
    from generate_series(0, ${BUCKETS - 1}) b, unnest(array[${instances.join(',')}]) i,
      (values ('memory_usage', 'process:rss', 190e6::float8), ('memory_usage', 'process:heap_used', 90e6), ('cpu_usage', 'process', 7), ('event_loop_lag', 'process', 2)) g(mt, ep, v)`;
  const database = `
    insert into production_metrics (metric_type, endpoint, metric_value, recorded_at, metadata)
    select g.mt, g.ep, g.v, ${start} + m * interval '1 minute', '{"instance":"bench-1"}'::jsonb
    from generate_series(0, ${BUCKETS / 6 - 1}) m,
      (values ('db_query_time', 'db:round_trip', 1.2::float8), ('db_connections', 'db:active', 3), ('db_connections', 'db:idle', 4),
              ('db_connections', 'db:total', 7), ('db_connections', 'db:max', 10), ('db_stat', 'cache_hit_ratio', 0.995),
              ('db_stat', 'xact_commit_per_s', 12), ('db_stat', 'xact_rollback_per_s', 0.1), ('db_stat', 'deadlocks', 0),
              ('db_stat', 'db_size_bytes', 5e9)) g(mt, ep, v)`;
  // Rollups of the latency series: ~60 sketch buckets a minute, ~150 an hour.
  const rollups = (table: string, unit: string, from: Date, to: Date, keys: number, scale: number) => `
    insert into ${table} (metric_type, endpoint, bucket_start, count, errors, sum, min, max, p50, p95, p99, histogram, metadata)
    select ${LATENCY('e')}, ${ENDPOINT('e')}, t, ${scale} * c, err, ${scale} * c * 40.0, 4, 400, 38, 120, 300,
      (select jsonb_object_agg((300 + e + k * ${150 / keys}::int + (extract(epoch from t)::bigint / 60) % 3)::text, 1 + (k % 7)) from generate_series(0, ${keys - 1}) k),
      case when err > 0 then jsonb_build_object('lastErrorClass', 'TimeoutError') end
    from generate_series('${from.toISOString()}'::timestamptz, '${to.toISOString()}'::timestamptz - interval '1 ${unit}', interval '1 ${unit}') t,
      generate_series(1, ${series}) e,
      lateral (select 36 + (e % 10) as c, ${scale} * (36 + (e % 10)) / 100 + case when (extract(epoch from t)::bigint / 60 + e) % 7 = 0 then 1 else 0 end as err) x`;
  const gaugeRollups = (table: string, unit: string, from: Date, to: Date, samples: number) => `
    insert into ${table} (metric_type, endpoint, bucket_start, count, errors, sum, min, max)
    select g.mt, g.ep, ts, ${samples}, 0, ${samples} * g.v, g.v, g.v * 1.2
    from generate_series('${from.toISOString()}'::timestamptz, '${to.toISOString()}'::timestamptz - interval '1 ${unit}', interval '1 ${unit}') ts,
      (values ('memory_usage', 'process:rss', 190e6::float8), ('memory_usage', 'process:heap_used', 90e6), ('cpu_usage', 'process', 7),
              ('event_loop_lag', 'process', 2), ('db_query_time', 'db:round_trip', 1.2), ('db_stat', 'cache_hit_ratio', 0.995),
              ('db_stat', 'xact_commit_per_s', 12), ('db_stat', 'xact_rollback_per_s', 0.1), ('db_stat', 'deadlocks', 0)) g(mt, ep, v)`;
  const monitorsSql = `
    with m as (
      insert into monitors (name, url, last_status, last_checked_at, last_response_ms)
      select 'Bench ' || n, 'https://bench-' || n || '.example.com/health', 'up', '${minuteTo.toISOString()}'::timestamptz, 120
      from generate_series(1, 3) n returning id, name)
    insert into monitor_checks (monitor_id, checked_at, status, response_ms, http_status)
    select m.id, t, case when extract(minute from t)::int % 97 = 0 then 'down' else 'up' end, 120, 200
    from m, generate_series('${minuteTo.toISOString()}'::timestamptz - interval '${HOURLY_DAYS} days', '${minuteTo.toISOString()}'::timestamptz, interval '1 minute') t`;

  const halves = [
    Array.from({ length: Math.ceil(INSTANCES / 2) }, (_, i) => i + 1),
    Array.from({ length: Math.floor(INSTANCES / 2) }, (_, i) => i + 1 + Math.ceil(INSTANCES / 2)),
  ];
  const minuteFrom = new Date(minuteTo.getTime() - RAW_DAYS * 86_400_000);
  const hourFrom = new Date(hourTo.getTime() - HOURLY_DAYS * 86_400_000);
  // Two connections: the machine has two cores.
  const second = postgres(benchUrl, { max: 1, onnotice: () => {} });
  try {
    await Promise.all([
      (async () => {
        await client.unsafe(rawLatency(halves[0]!));
        await client.unsafe(process_(halves[0]!));
        await client.unsafe(database);
        await client.unsafe(rollups('metric_rollups_1h', 'hour', hourFrom, hourTo, 150, 60));
        await client.unsafe(gaugeRollups('metric_rollups_1h', 'hour', hourFrom, hourTo, 360));
      })(),
      (async () => {
        await second.unsafe(rawLatency(halves[1]!));
        await second.unsafe(process_(halves[1]!));
        await second.unsafe(rollups('metric_rollups_1m', 'minute', minuteFrom, minuteTo, 60, 1));
        await second.unsafe(gaugeRollups('metric_rollups_1m', 'minute', minuteFrom, minuteTo, 6));
        await second.unsafe(monitorsSql);
      })(),
    ]);
  } finally {
    await second.end({ timeout: 5 });
  }
  // The checks were loaded with SQL: count them per hour, as the app's writer does as it goes.
  const counting = openPostgres(benchUrl, 1);
  try {
    await recountMonitorCheckHours(counting.db);
  } finally {
    await counting.close();
  }
}

let benchUrl = '';

/** Beyond this the baseline is reported as "more than" (the bench stays bounded). */
const BASELINE_LIMIT_MS = 60_000;

/** The latency figures of a range straight from production_metrics (no rollups), in SQL. */
async function rawBaseline(db: Db, range: RangeKey): Promise<void> {
  const plan = planWindow(range, NOW);
  const from = previousSteps(plan)[0]!;
  const window = sql`recorded_at >= ${new Date(from).toISOString()}::timestamptz and recorded_at < ${NOW.toISOString()}::timestamptz
    and metric_type in ('api_response_time', 'job_duration') and metadata->>'agg' = '1'`;
  const step = sql.raw(`'${plan.stepMs / 1000} seconds'`);
  const origin = sql.raw(`timestamptz '2000-01-01 00:00:00+00'`);
  // One budget for the three statements, so a range costs at most BASELINE_LIMIT_MS.
  const deadline = performance.now() + BASELINE_LIMIT_MS;
  const run = (query: ReturnType<typeof sql>) =>
    db.transaction(async (tx) => {
      const left = Math.max(1, Math.round(deadline - performance.now()));
      await tx.execute(sql.raw(`set local statement_timeout = ${left}`));
      await queryRows(tx as unknown as Db, query);
    });
  await run(
    sql`select metric_type, endpoint, sum((metadata->>'count')::float8), sum((metadata->>'errors')::float8), sum((metadata->>'sum')::float8),
               min((metadata->>'min')::float8), max((metadata->>'max')::float8), max(recorded_at) filter (where (metadata->>'errors')::float8 > 0)
        from production_metrics where ${window} and recorded_at >= ${plan.current.from.toISOString()}::timestamptz group by 1, 2`,
  );
  await run(
    sql`select metric_type, endpoint, e.key, sum(e.value::float8) from production_metrics, jsonb_each_text(metadata->'sketch') e
        where ${window} and recorded_at >= ${plan.current.from.toISOString()}::timestamptz group by 1, 2, 3`,
  );
  await run(
    sql`select date_bin(interval ${step}, recorded_at, ${origin}) as step, e.key, sum(e.value::float8), count(*)
        from production_metrics, jsonb_each_text(metadata->'sketch') e
        where ${window} and metric_type = 'api_response_time' group by 1, 2`,
  );
}

const HOURLY_ROLLED: Array<{ level: HourlyRolledLevel; table: string; unitMs: number; label: string }> = [
  { level: 'sixHour', table: 'metric_rollups_6h', unitMs: 6 * HOUR_MS, label: '6-hour' },
  { level: 'day', table: 'metric_rollups_1d', unitMs: 86_400_000, label: 'daily' },
];

/**
 * 6-hour buckets and days come from the hours through the rollup job's own statement (timed: it
 * is what the job pays after downtime). Only into empty tables, so a reused database made before
 * a level existed gets it once.
 */
async function rollFromHours(client: postgres.Sql, db: Db): Promise<void> {
  for (const { level, table, unitMs, label } of HOURLY_ROLLED) {
    const [existing] = await client.unsafe<{ any: boolean }[]>(`select exists (select 1 from ${table}) as any`);
    if (existing?.any) continue;
    const started = performance.now();
    const from = new Date(Math.floor((hourTo.getTime() - HOURLY_DAYS * 86_400_000) / unitMs) * unitMs);
    const buckets = await rollUpRangeFromHours(db, level, from, new Date(Math.floor(hourTo.getTime() / unitMs) * unitMs));
    await client.unsafe(`analyze ${table}`);
    console.log(`Rolled ${buckets.toLocaleString('en')} ${label} rollups from the hourly ones in ${seconds(performance.now() - started)}.`);
  }
}

async function loadAll(client: postgres.Sql, series: number, db: Db): Promise<void> {
  await migratePostgresUrl(benchUrl);
  const indexes = await client<{ indexname: string; indexdef: string }[]>`
    select indexname, indexdef from pg_indexes where tablename = 'production_metrics' and indexname <> 'production_metrics_pkey'`;
  for (const index of indexes) await client.unsafe(`drop index ${index.indexname}`);
  await client.unsafe('alter table production_metrics set unlogged');
  let started = performance.now();
  await load(client, series);
  await rollFromHours(client, db);
  const loadMs = performance.now() - started;
  started = performance.now();
  await client.unsafe("set maintenance_work_mem = '512MB'");
  for (const index of indexes) await client.unsafe(index.indexdef);
  await client.unsafe('analyze');
  console.log(`Loaded in ${seconds(loadMs)}, indexes and analyze ${seconds(performance.now() - started)}.`);
}

async function main() {
  assertLocalDatabaseUrl(BASE_URL);
  const name = REUSE ?? `smm_bench_dashboard_${randomBytes(4).toString('hex')}`;
  if (!/^smm_bench_dashboard_[0-9a-f]{8}$/.test(name)) throw new Error(`BENCH_REUSE must name a database this bench made (got ${name})`);
  const admin = postgres(BASE_URL, { max: 1, onnotice: () => {} });
  if (!REUSE) await admin.unsafe(`create database "${name}"`);
  benchUrl = BASE_URL.replace(/\/[^/]*$/, `/${name}`);
  const client = postgres(benchUrl, { max: 1, onnotice: () => {} });
  const opened = openPostgres(benchUrl, 4);
  const db = opened.db;
  try {
    const series = seriesCount();
    console.log(`Database ${name}: ${series} latency series (${JOBS} jobs, ${ACTIONS} actions), ${INSTANCES} instances, now = ${NOW.toISOString()}`);
    if (!REUSE) await loadAll(client, series, db);
    else {
      // A database kept before a migration (a new rollup level) is brought up to date first.
      await migratePostgresUrl(benchUrl);
      await rollFromHours(client, db);
    }
    const [counts] = await client<{ raw: string; m: string; h: string; q: string; d: string; checks: string; size: string }[]>`
      select (select count(*) from production_metrics) as raw, (select count(*) from metric_rollups_1m) as m,
             (select count(*) from metric_rollups_1h) as h, (select count(*) from metric_rollups_6h) as q,
             (select count(*) from metric_rollups_1d) as d, (select count(*) from monitor_checks) as checks,
             pg_size_pretty(pg_database_size(current_database())) as size`;
    console.log(
      `${Number(counts!.raw).toLocaleString('en')} production_metrics rows, ${Number(counts!.m).toLocaleString('en')} minute and ` +
        `${Number(counts!.h).toLocaleString('en')} hourly, ${Number(counts!.q).toLocaleString('en')} 6-hour and ${Number(counts!.d).toLocaleString('en')} daily rollups, ${Number(counts!.checks).toLocaleString('en')} monitor checks (${counts!.size}).`,
    );
    console.log(`Load average at start: ${loadavg().map((value) => value.toFixed(1)).join(', ')} (${cpus().length} cores).`);
    console.log(`Each figure: p50 / p95 of ${RUNS} warm runs.\n`);

    const summary: string[] = [];
    for (const range of RANGE_KEYS) {
      const plan = planWindow(range, NOW);
      const boundaries = await queries.rollupBoundaries(db);
      const current = { from: plan.current.from.getTime(), to: NOW.getTime() };
      const spans = tierSpans(current, plan.coarsest, boundaries);
      const prevSpans = tierSpans({ from: plan.previous.from.getTime(), to: plan.previous.to.getTime() }, plan.coarsest, boundaries);
      console.log(`${range}: ${plan.steps.length} steps; reads ${spans.map((s) => `${s.source} ${new Date(s.from).toISOString().slice(5, 16)}..${new Date(s.to).toISOString().slice(5, 16)}`).join(', ')}`);
      const lines: Array<[string, { p50: number; p95: number }]> = [];
      lines.push(['rollup boundaries', await timed(RUNS, () => queries.rollupBoundaries(db))]);
      for (const span of [...prevSpans, ...spans]) {
        const which = prevSpans.includes(span) ? 'previous' : 'current';
        lines.push([`latency rows, ${span.source} (${which})`, await timed(RUNS, () => queries.readLatencyRows(db, span.source, span.from, span.to))]);
      }
      lines.push(['gauges (current)', await timed(RUNS, () => queries.readGaugeStats(db, spans))]);
      lines.push(['gauges (previous)', await timed(RUNS, () => queries.readGaugeStats(db, prevSpans))]);
      lines.push(['latest gauges', await timed(RUNS, () => queries.readLatestGauges(db, NOW.getTime()))]);
      lines.push(['uptime (current)', await timed(RUNS, () => queries.readUptime(db, current.from, current.to))]);
      lines.push(['monitors (listMonitorStatus)', await timed(RUNS, () => listMonitorStatus(db, NOW))]);
      const sample = await loadDashboard(db, { range, now: NOW, databaseKind: 'postgres' });
      const resolve = sample.endpoints
        .filter((row) => row.lastError)
        .map((row) => ({ metricType: row.metricType, endpoint: row.endpoint, from: row.lastError!.at, to: row.lastError!.at + HOUR_MS }));
      lines.push([`last errors (${resolve.length} series)`, await timed(RUNS, () => queries.resolveLastErrors(db, resolve))]);
      const heavyRuns = Math.min(RUNS, range === '30d' || range === '7d' ? 5 : RUNS);
      const first = await timed(heavyRuns, () => loadDashboard(db, { range, now: NOW, databaseKind: 'postgres', cache: new StepCache() }));
      const warmUp = await timed(heavyRuns, () => warmClosedSteps(db, { range, now: NOW, cache: new StepCache() }));
      const cache = new StepCache();
      await warmClosedSteps(db, { range, now: NOW, cache });
      const refresh = await timed(RUNS, () => loadDashboard(db, { range, now: NOW, databaseKind: 'postgres', cache }));
      lines.push(['loadDashboard, cold process (no step cache)', first]);
      lines.push(['warmClosedSteps (after a page, in background)', warmUp]);
      lines.push(['loadDashboard, closed steps cached (refresh)', refresh]);
      const baselineRuns = range === '15m' || range === '1h' ? 5 : 1;
      let baseline: { p50: number; p95: number };
      let capped = false;
      try {
        baseline = await timed(baselineRuns, () => rawBaseline(opened.db, range));
      } catch {
        capped = true;
        baseline = { p50: BASELINE_LIMIT_MS, p95: BASELINE_LIMIT_MS };
      }
      const more = capped ? '>' : ' ';
      lines.push([`baseline: latency from raw rows only (${baselineRuns} run${baselineRuns > 1 ? 's' : ''})`, baseline]);
      for (const [label, t] of lines) console.log(`  ${label.padEnd(48)} ${label.startsWith('baseline') ? more : ' '}${ms(t.p50)} / ${ms(t.p95)}`);
      const slowest = lines.filter(([label]) => /^(rollup|latency|gauges|latest|uptime|monitors|last)/.test(label)).reduce((max, [, t]) => Math.max(max, t.p95), 0);
      summary.push(
        `${range.padEnd(4)} slowest single query p95 ${ms(slowest)}; loadDashboard p95 cold ${ms(first.p95)}, cached ${ms(refresh.p95)}; ` +
          `raw baseline ${more}${ms(baseline.p50)} = ${more}${(baseline.p50 / first.p50).toFixed(1)}x cold, ${more}${(baseline.p50 / refresh.p50).toFixed(1)}x cached`,
      );
      console.log('');
    }
    console.log(`Summary (target: p95 < 50 ms); load average at the end: ${loadavg().map((value) => value.toFixed(1)).join(', ')}`);
    for (const line of summary) console.log(`  ${line}`);
  } finally {
    await client.end({ timeout: 5 });
    await opened.close();
    if (KEEP) console.log(`Kept database ${name}.`);
    else await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
