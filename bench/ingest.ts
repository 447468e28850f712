/**
 * Benchmark (b): ingest throughput of POST /api/v1/metrics into real Postgres, against a raw
 * COPY of the same rows, in the same run. `npm run bench:ingest`.
 *
 * - The route handler is called DIRECTLY (createIngestHandler from app/api/v1/metrics, a
 *   Request in, a Response out): API-key check, body read with its 1 MB cap, JSON parse, zod
 *   validation and the insert, i.e. everything but Next's HTTP server.
 * - The baseline is `COPY production_metrics (...) FROM STDIN` through postgres.js, the
 *   fastest way into the table, with the same rows and the same indexes.
 * - For reference, a plain multi-row INSERT ... VALUES of each validated batch (5 bind
 *   parameters per row), which is what storeMetricPoints replaced with jsonb_to_recordset.
 * Each method runs ROUNDS times in alternating order on an emptied table; the best round of
 * each is reported. A throw-away database is created on the local server and dropped after.
 * Bounded: POINTS points per round (default 50,000), loopback only.
 *
 * Env: BENCH_DATABASE_URL or DATABASE_URL (a local server; default
 * postgres://postgres@127.0.0.1:5432/postgres), BENCH_POINTS, BENCH_ROUNDS, BENCH_CONCURRENCY.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { createIngestHandler } from '../app/api/v1/metrics/handler';
import { migratePostgresUrl } from '../db/migrate';
import { openPostgres } from '../db/open';
import { productionMetrics } from '../db/schema';
import { assertLocalDatabaseUrl } from '../db/testing/assert-local';
import { createApiKey } from '../lib/api-keys/create';
import { createIngestRequestSchema } from '../lib/ingest/schema';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const POINTS = Math.min(Number(process.env.BENCH_POINTS ?? 50_000), 500_000);
const ROUNDS = Math.min(Number(process.env.BENCH_ROUNDS ?? 3), 10);
const CONCURRENCY = Math.min(Number(process.env.BENCH_CONCURRENCY ?? 4), 16);
const BATCH = 1000;

type Point = { metric_type: string; value: number; endpoint: string; recorded_at: string; metadata: Record<string, unknown> };

function makeBatches(now: number): Point[][] {
  const batches: Point[][] = [];
  for (let b = 0; b < POINTS / BATCH; b++) {
    const batch: Point[] = [];
    for (let i = 0; i < BATCH; i++) {
      const n = b * BATCH + i;
      batch.push({
        metric_type: ['api_response_time', 'queue_depth', 'checkout.errors'][n % 3]!,
        value: Math.round(Math.random() * 100_000) / 100,
        endpoint: `GET /service/${n % 50}`,
        recorded_at: new Date(now - (n % 3_600_000)).toISOString(),
        metadata: { region: n % 2 ? 'eu-west-1' : 'us-east-1', host: `web-${n % 8}`, p95: n % 500 },
      });
    }
    batches.push(batch);
  }
  return batches;
}

/** Runs `work` for every item with at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

const copyField = (value: string) => value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

async function main() {
  assertLocalDatabaseUrl(BASE_URL);
  const name = `smm_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(BASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const opened = openPostgres(dbUrl, 10);
  const raw = postgres(dbUrl, { max: CONCURRENCY, onnotice: () => {} });
  try {
    await migratePostgresUrl(dbUrl);
    const db = opened.db;
    const { key } = await createApiKey(db, { name: 'bench', scopes: ['metrics:write'], expiresInDays: null }, { actor: { type: 'system', id: 'bench' }, request: {} });
    const now = Date.now();
    const batches = makeBatches(now);
    const bodies = batches.map((batch) => JSON.stringify({ points: batch }));
    const handler = createIngestHandler({ getDb: async () => db, trustProxyHops: 0 });
    const truncate = () => raw`truncate production_metrics`;
    const count = async () => Number((await raw`select count(*)::int as n from production_metrics`)[0]!.n);

    const methods: Record<string, () => Promise<void>> = {
      'POST /api/v1/metrics (route handler)': async () => {
        await eachLimited(bodies, CONCURRENCY, async (body) => {
          const response = await handler(
            new Request('http://127.0.0.1/api/v1/metrics', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body }),
            undefined,
          );
          if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
        });
      },
      'COPY FROM STDIN (baseline)': async () => {
        // One COPY stream per worker, as many workers as the handler gets.
        const chunks = Array.from({ length: CONCURRENCY }, (_, w) => batches.filter((_, b) => b % CONCURRENCY === w));
        await Promise.all(
          chunks.map(async (chunk) => {
            const writable = await raw`copy production_metrics (metric_type, metric_value, endpoint, recorded_at, metadata) from stdin`.writable();
            const lines = (function* () {
              for (const batch of chunk) {
                yield batch
                  .map((p) => `${copyField(p.metric_type)}\t${p.value}\t${copyField(p.endpoint)}\t${p.recorded_at}\t${copyField(JSON.stringify(p.metadata))}\n`)
                  .join('');
              }
            })();
            await pipeline(Readable.from(lines), writable);
          }),
        );
      },
      'INSERT ... VALUES, 5 parameters a row (reference)': async () => {
        const schema = createIngestRequestSchema();
        await eachLimited(bodies, CONCURRENCY, async (body) => {
          const { points } = schema.parse(JSON.parse(body));
          await db.insert(productionMetrics).values(
            points.map((p) => ({ metricType: p.metric_type, metricValue: p.value, endpoint: p.endpoint ?? null, recordedAt: new Date(p.recorded_at ?? now), metadata: p.metadata ?? null })),
          );
        });
      },
    };

    const best: Record<string, number> = {};
    console.log(`ingest benchmark: ${POINTS} points per round in batches of ${BATCH}, ${CONCURRENCY} at a time, ${ROUNDS} rounds, database ${name} on ${url.host}`);
    for (let round = 0; round < ROUNDS; round++) {
      const order = Object.keys(methods);
      if (round % 2) order.reverse();
      for (const label of order) {
        await truncate();
        await raw`vacuum production_metrics`;
        const started = performance.now();
        await methods[label]!();
        const seconds = (performance.now() - started) / 1000;
        const stored = await count();
        if (stored !== POINTS) throw new Error(`${label} stored ${stored} of ${POINTS}`);
        const rate = POINTS / seconds;
        best[label] = Math.max(best[label] ?? 0, rate);
        console.log(`  round ${round + 1}  ${label.padEnd(50)} ${Math.round(rate).toLocaleString('en-US').padStart(9)} points/s`);
      }
    }
    const [route, copy, values] = Object.keys(methods).map((label) => best[label]!) as [number, number, number];
    console.log('\nbest of each:');
    for (const [label, rate] of Object.entries(best)) console.log(`  ${label.padEnd(50)} ${Math.round(rate).toLocaleString('en-US').padStart(9)} points/s`);
    console.log(`\nPOST /api/v1/metrics vs COPY: ${(route / copy).toFixed(2)}x (target >= 0.5x)`);
    console.log(`INSERT ... VALUES vs COPY:    ${(values / copy).toFixed(2)}x`);
  } finally {
    await raw.end({ timeout: 5 });
    await opened.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
