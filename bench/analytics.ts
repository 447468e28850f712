/**
 * Benchmark: the analytics-aggregator over 10 million events, and funnel query latency (p95,
 * target < 500 ms), on real Postgres. `npm run bench:analytics`.
 *
 * A throw-away database is created on the local server, migrated, and filled with SQL
 * (generate_series, in chunks): EVENTS events over 90 days for 50,000 users in time order, as
 * ingestion would write them, each event's user drawn by a hash of its number (so every user has
 * every kind of event and a funnel converts some users at every step); secondary indexes are
 * rebuilt after the load and the table vacuumed (loading is not what is measured). Then: a full recompute of the 90 days, an incremental run (one day touched),
 * and FUNNEL_RUNS runs of a 3-step funnel over 30 days with a 72-hour window.
 *
 * Env: BENCH_DATABASE_URL or DATABASE_URL (local only), BENCH_EVENTS (default 10,000,000),
 * BENCH_FUNNEL_RUNS (default 20), BENCH_FUNNEL_ONLY=1 skips the aggregator runs, BENCH_KEEP=1 keeps
 * the database (its name is printed), BENCH_REUSE=<that name> runs the queries again on a kept
 * database without loading it (so two versions of a query meet the same data and server state).
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { migratePostgresUrl } from '../db/migrate';
import { openPostgres } from '../db/open';
import { assertLocalDatabaseUrl } from '../db/testing/assert-local';
import { runAnalyticsAggregator } from '../lib/analytics/aggregate';
import { addDays, dayOf } from '../lib/analytics/days';
import { runFunnel } from '../lib/analytics/queries/funnel';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EVENTS = Math.min(Number(process.env.BENCH_EVENTS ?? 10_000_000), 50_000_000);
const FUNNEL_RUNS = Math.min(Number(process.env.BENCH_FUNNEL_RUNS ?? 20), 200);
const CHUNK = 1_000_000;
const USERS = 50_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

async function main() {
  assertLocalDatabaseUrl(BASE_URL);
  const reuse = process.env.BENCH_REUSE;
  if (reuse !== undefined && !/^smm_bench_analytics_[0-9a-f]{8}$/.test(reuse)) throw new Error('BENCH_REUSE names a database this bench kept');
  const name = reuse ?? `smm_bench_analytics_${randomBytes(4).toString('hex')}`;
  const admin = postgres(BASE_URL, { max: 1, onnotice: () => {} });
  if (!reuse) await admin.unsafe(`create database "${name}"`);
  if (process.env.BENCH_KEEP) console.log(`Database: ${name}`);
  const url = BASE_URL.replace(/\/[^/]*$/, `/${name}`);
  const opened = openPostgres(url, 4);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migratePostgresUrl(url);
    const end = dayOf(new Date());
    const start = addDays(end, -89);
    const startMs = Date.parse(`${start}T00:00:00Z`);
    const spanMs = 90 * 86_400_000 - 1000;

    if (!reuse) {
      const indexes = await sql<{ indexname: string; indexdef: string }[]>`
        select indexname, indexdef from pg_indexes where tablename = 'analytics_events' and indexname <> 'analytics_events_pkey'`;
      for (const index of indexes) await sql.unsafe(`drop index ${index.indexname}`);
      const [, loadMs] = await time(async () => {
        for (let from = 1; from <= EVENTS; from += CHUNK) {
          const to = Math.min(EVENTS, from + CHUNK - 1);
          // Twenty event kinds in turn; an ai_feedback (k = 16) rates the ai_request two rows before it.
          await sql.unsafe(`
            insert into analytics_events (id, name, user_id, occurred_at, received_at, properties)
            select 'b' || g, kind.name, 'u' || (abs(hashint8(g)) % ${USERS}), ts, ts, kind.props
            from generate_series(${from}::bigint, ${to}::bigint) as g,
              lateral (select to_timestamp(${startMs / 1000} + (g::float8 / ${EVENTS}) * ${spanMs / 1000}) as ts, g % 20 as k) as t,
              lateral (select
                case when k < 8 then 'page_view' when k < 11 then 'session_start' when k < 13 then 'plugin_used' when k = 13 then 'plugin_installed'
                  when k < 16 then 'ai_request' when k = 16 then 'ai_feedback' when k = 17 then 'payment_succeeded' when k = 18 then 'subscription_changed' else 'signup' end as name,
                case when k < 8 then jsonb_build_object('path', '/p/' || (g % 40))
                  when k < 11 then '{}'::jsonb
                  when k < 14 then jsonb_build_object('plugin_id', 'plugin-' || (g % 25))
                  when k < 16 then jsonb_build_object('model', 'model-' || (g % 4), 'prompt_tokens', 200 + g % 1800, 'completion_tokens', 50 + g % 600,
                    'latency_ms', 100 + (g * 13) % 1500, 'cache_hit', g % 5 = 0, 'outcome', case when g % 37 = 0 then 'error' else 'success' end)
                  when k = 16 then jsonb_build_object('request_id', 'b' || (g - 2), 'rating', 1 + g % 5, 'correct', g % 3 <> 0)
                  when k = 17 then jsonb_build_object('amount_minor', 500 + g % 9500, 'currency', (array['USD','EUR','JPY'])[1 + g % 3])
                  when k = 18 then jsonb_build_object('plan', 'pro', 'mrr_minor', 1000 + (g % 7) * 500, 'currency', (array['USD','EUR','JPY'])[1 + (abs(hashint8(g)) % ${USERS}) % 3])
                  else '{}'::jsonb end as props) as kind`);
          process.stdout.write(`  loaded ${to.toLocaleString('en')} events\r`);
        }
        for (const index of indexes) await sql.unsafe(index.indexdef);
        // Steady state: autovacuum visits an insert-only table too (autovacuum_vacuum_insert_threshold)
        // and sets the visibility map, which lets index-only scans skip the heap.
        await sql`vacuum analyze analytics_events`;
      });
      const [sizeRow] = await sql<{ size: string }[]>`select pg_size_pretty(pg_total_relation_size('analytics_events')) as size`;
      const size = sizeRow?.size ?? '?';
      console.log(`\nLoaded ${EVENTS.toLocaleString('en')} events over 90 days (${size} with indexes) in ${seconds(loadMs)}.`);
    }

    const now = new Date();
    if (!process.env.BENCH_FUNNEL_ONLY) {
    const [full, fullMs] = await time(() => runAnalyticsAggregator(opened.db, { now, range: { from: start, to: end } }));
    console.log(`Aggregator, full recompute of ${full.days} days over ${EVENTS.toLocaleString('en')} events: ${seconds(fullMs)}`);
    // The hourly run: events received since the last run touch only today.
    await sql`insert into analytics_aggregator_state (id, watermark) values ('events', now()) on conflict (id) do update set watermark = now()`;
    await sql`update analytics_events set received_at = now() where id in (select id from analytics_events order by occurred_at desc limit 1000)`;
    const [incremental, incMs] = await time(() => runAnalyticsAggregator(opened.db, { now: new Date() }));
    console.log(`Aggregator, hourly incremental run (${incremental.days} day(s) recomputed): ${seconds(incMs)}`);
    }

    const funnel = { steps: [{ event: 'signup' }, { event: 'session_start' }, { event: 'payment_succeeded' }], windowHours: 72 };
    const range = { from: addDays(end, -29), to: end };
    const durations: number[] = [];
    let users: number[] = [];
    for (let i = 0; i < FUNNEL_RUNS; i++) {
      const [result, ms] = await time(() => runFunnel(opened.db, funnel, range));
      users = result.steps.map((s) => s.users);
      durations.push(ms);
    }
    durations.sort((a, b) => a - b);
    const p = (q: number) => durations[Math.min(durations.length - 1, Math.ceil(q * durations.length) - 1)]!;
    console.log(`Funnel (3 steps, 30 days, 72 h window, users per step ${users.map((u) => u.toLocaleString('en')).join(' → ')}), ${FUNNEL_RUNS} runs: p50 ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms (target < 500 ms)`);
  } finally {
    await sql.end({ timeout: 5 });
    await opened.close();
    if (!process.env.BENCH_KEEP && !reuse) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
