/**
 * Benchmark: one evaluation of 1,000 active alert rules on real Postgres holding a month of
 * 1-minute and 1-hour rollups (generated with SQL), printed in milliseconds. Target < 1 s.
 * `npx tsx bench/alert-evaluation.ts`
 *
 * Data: SERIES endpoints x 2 metric types of 1-minute rollups for 30 days (with latency
 * sketches), their 1-hour rollups, 2 minutes of raw 10-second rows after the newest rollup,
 * and 20 monitors with 10 checks each. Rules: 950 metric rules over the endpoints (windows
 * 5 min, 15 min, 1 h; avg/p95/p99/max/min/count/rate; a third on all endpoints) and 50
 * monitor-status rules. About a fifth are in breach, so the first run opens alerts and
 * enqueues notifications; the runs after it are the steady state (a minute later each).
 * A throw-away database is created on the local server and dropped after.
 *
 * Env: BENCH_DATABASE_URL or DATABASE_URL (local; default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_SERIES (default 25), BENCH_RULES (default 1000).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { queryRows } from '../db/rows';
import { migratePostgresUrl } from '../db/migrate';
import { openPostgres } from '../db/open';
import { alertRules, monitors, notificationChannels } from '../db/schema';
import { assertLocalDatabaseUrl } from '../db/testing/assert-local';
import { evaluateRules } from '../lib/alerting/evaluate';
import { recountMonitorCheckHours } from '../lib/monitors/checks';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SERIES = Math.min(Number(process.env.BENCH_SERIES ?? 25), 200);
const RULES = Math.min(Number(process.env.BENCH_RULES ?? 1000), 10_000);
const AGGREGATIONS = ['avg', 'p95', 'p99', 'max', 'min', 'count', 'rate'] as const;
const WINDOWS = [300, 900, 3600] as const;

async function main() {
  assertLocalDatabaseUrl(BASE_URL);
  const name = `smm_bench_alerts_${randomBytes(4).toString('hex')}`;
  const admin = postgres(BASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = BASE_URL.replace(/\/[^/]*$/, `/${name}`);
  const opened = openPostgres(url, 5);
  try {
    await migratePostgresUrl(url);
    const { db } = opened;
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const lastRolled = new Date(now.getTime() - 2 * 60_000);
    let started = performance.now();
    await db.execute(sql`
      insert into metric_rollups_1m (metric_type, endpoint, bucket_start, count, errors, sum, min, max, p50, p95, p99, histogram)
      select t, 'ep' || e, b, 60, (random() * 2)::int, 60 * 120, 20, 400, 110, 300, 380,
             jsonb_build_object('232', 30, '265', 27, '287', 2, '297', 1)
      from unnest(array['api_response_time', 'db_query_time']) t,
           generate_series(1, ${SERIES}) e,
           generate_series(${lastRolled.toISOString()}::timestamptz - interval '30 days', ${lastRolled.toISOString()}::timestamptz, interval '1 minute') b`);
    await db.execute(sql`
      insert into metric_rollups_1h (metric_type, endpoint, bucket_start, count, errors, sum, min, max, p50, p95, p99, histogram)
      select metric_type, endpoint, date_trunc('hour', bucket_start), sum(count), sum(errors), sum(sum), min(min), max(max), 110, 300, 380,
             jsonb_build_object('232', 1800, '265', 1620, '287', 120, '297', 60)
      from metric_rollups_1m group by 1, 2, 3`);
    await db.execute(sql`
      insert into production_metrics (metric_type, metric_value, endpoint, recorded_at, metadata)
      select t, 120, 'ep' || e, b, jsonb_build_object('agg', 1, 'count', 10, 'errors', 0, 'sum', 1200, 'min', 20, 'max', 400,
             'p50', 110, 'p95', 300, 'p99', 380, 'sketch', jsonb_build_object('232', 5, '265', 4, '297', 1))
      from unnest(array['api_response_time', 'db_query_time']) t, generate_series(1, ${SERIES}) e,
           generate_series(${lastRolled.toISOString()}::timestamptz + interval '1 minute', ${now.toISOString()}::timestamptz - interval '10 seconds', interval '10 seconds') b`);
    const monitorRows = await db
      .insert(monitors)
      .values(Array.from({ length: 20 }, (_, i) => ({ name: `m${i}`, url: `https://m${i}.example/` })))
      .returning({ id: monitors.id });
    await db.execute(sql`
      insert into monitor_checks (monitor_id, checked_at, status)
      select m.id, ${now.toISOString()}::timestamptz - make_interval(mins => k), case when m.name in ('m1', 'm2') then 'down' else 'up' end
      from monitors m, generate_series(1, 10) k`);
    await recountMonitorCheckHours(db);
    await db.execute(sql`analyze`);
    const [channel] = await db.insert(notificationChannels).values({ name: 'bench', type: 'webhook', secretConfig: 'x' }).returning();
    const rules: (typeof alertRules.$inferInsert)[] = [];
    for (let i = 0; i < RULES; i++) {
      if (i % 20 === 19) {
        const monitor = monitorRows[i % monitorRows.length]!;
        rules.push({ ruleName: `monitor ${i}`, metricType: 'monitor_status', threshold: 0, condition: 'greater_than', monitorId: monitor.id, monitorCondition: 'down', monitorConsecutiveChecks: 3, notificationChannels: [channel!.id] });
        continue;
      }
      const aggregation = AGGREGATIONS[i % AGGREGATIONS.length]!;
      const breach = i % 5 === 0;
      const threshold = { avg: 120, p95: 300, p99: 380, max: 400, min: 20, count: 1000, rate: 1 }[aggregation] * (breach ? 0.5 : 2);
      rules.push({
        ruleName: `rule ${i}`,
        metricType: i % 2 ? 'api_response_time' : 'db_query_time',
        endpoint: i % 3 === 0 ? null : `ep${(i % SERIES) + 1}`,
        aggregation,
        windowSeconds: WINDOWS[i % WINDOWS.length]!,
        threshold,
        condition: 'greater_than',
        pendingSeconds: i % 4 === 0 ? 120 : 0,
        notificationChannels: [channel!.id],
      });
    }
    await db.insert(alertRules).values(rules);
    const [counts] = await queryRows<{ m: string; h: string; r: string }>(db, sql`select (select count(*) from metric_rollups_1m) as m, (select count(*) from metric_rollups_1h) as h, (select count(*) from production_metrics) as r`);
    console.log(`data: ${counts!.m} 1m rollups, ${counts!.h} 1h rollups, ${counts!.r} raw rows; ${RULES} rules; generated in ${Math.round(performance.now() - started)} ms`);

    for (let run = 0; run < 5; run++) {
      started = performance.now();
      const result = await evaluateRules(db, { now: new Date(now.getTime() + run * 60_000) });
      const ms = performance.now() - started;
      console.log(
        `run ${run + 1}${run === 0 ? ' (first: opens alerts)' : ''}: ${ms.toFixed(0)} ms — ${result.rules} rules, ${result.fired} fired, ${result.resolved} resolved, ${result.firing} firing, ${result.pending} pending, ${result.enqueued} notifications enqueued`,
      );
    }
  } finally {
    await opened.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
