/**
 * Benchmark (b): ingest throughput of POST /api/v1/metrics into real Postgres, against a raw
 * COPY of the same rows, in the same run. `npm run bench:ingest`.
 *
 * - The route handler is called DIRECTLY (createIngestHandler from app/api/v1/metrics, a
 *   Request in, a Response out): API-key check, body read with its 1 MB cap, JSON parse, zod
 *   validation and the insert, i.e. everything but Next's HTTP server.
 * - The baseline is `COPY production_metrics (...) FROM STDIN` through postgres.js, the
 *   fastest way into the table, with the same rows and the same indexes.
 * - For reference: storeMetricPoints alone on pre-validated batches (the INSERT the route
 *   ends in, without HTTP, key check, rate limit, parsing or validation), and a plain
 *   multi-row INSERT ... VALUES of each batch (5 bind parameters per row), which is what
 *   storeMetricPoints replaced with jsonb_to_recordset.
 * The methods take turns, 8 batches each, in a rotating order, into the same table, and each
 * one's time is summed (fair under a drifting machine load). A throw-away database is created
 * on the local server and dropped after. Bounded: BENCH_POINTS points per method (default
 * 80,000, at most 500,000), loopback only.
 *
 * Env: BENCH_DATABASE_URL or DATABASE_URL (a local server; default
 * postgres://postgres@127.0.0.1:5432/postgres), BENCH_POINTS, BENCH_CONCURRENCY.
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
import { storeMetricPoints } from '../lib/ingest/ingest';
import { createIngestRequestSchema } from '../lib/ingest/schema';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const POINTS = Math.min(Number(process.env.BENCH_POINTS ?? 80_000), 500_000);
const CONCURRENCY = Math.min(Number(process.env.BENCH_CONCURRENCY ?? 4), 16);
const BATCH = 1000;
/** Batches per method per turn. */
const SLICE = 8;

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

    // Each method takes a slice of the batches (their indexes) and stores it.
    const methods: Record<string, (slice: number[]) => Promise<void>> = {
      'POST /api/v1/metrics (route handler)': async (slice) => {
        await eachLimited(slice, CONCURRENCY, async (b) => {
          const response = await handler(
            new Request('http://127.0.0.1/api/v1/metrics', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: bodies[b] }),
            undefined,
          );
          if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
        });
      },
      'COPY FROM STDIN (baseline)': async (slice) => {
        // One COPY stream per worker, as many workers as the handler gets.
        const chunks = Array.from({ length: CONCURRENCY }, (_, w) => slice.filter((_, i) => i % CONCURRENCY === w)).filter((chunk) => chunk.length);
        await Promise.all(
          chunks.map(async (chunk) => {
            const writable = await raw`copy production_metrics (metric_type, metric_value, endpoint, recorded_at, metadata) from stdin`.writable();
            const lines = (function* () {
              for (const b of chunk) {
                yield batches[b]!
                  .map((p) => `${copyField(p.metric_type)}\t${p.value}\t${copyField(p.endpoint)}\t${p.recorded_at}\t${copyField(JSON.stringify(p.metadata))}\n`)
                  .join('');
              }
            })();
            await pipeline(Readable.from(lines), writable);
          }),
        );
      },
      'storeMetricPoints alone, no HTTP/auth/parse (reference)': async (slice) => {
        await eachLimited(slice, CONCURRENCY, async (b) => {
          await storeMetricPoints(db, validated[b]!, new Date(now));
        });
      },
      'INSERT ... VALUES, 5 parameters a row (reference)': async (slice) => {
        await eachLimited(slice, CONCURRENCY, async (b) => {
          await db.insert(productionMetrics).values(
            validated[b]!.points.map((p) => ({ metricType: p.metric_type, metricValue: p.value, endpoint: p.endpoint ?? null, recordedAt: new Date(p.recorded_at ?? now), metadata: p.metadata ?? null })),
          );
        });
      },
    };
    const schema = createIngestRequestSchema();
    const validated = bodies.map((body) => schema.parse(JSON.parse(body)));

    // The machine is shared, so its load drifts: the methods take turns slice by slice (in a
    // rotating order) and each one's time is summed, so a busy moment hits all of them alike.
    const labels = Object.keys(methods);
    const seconds: Record<string, number> = Object.fromEntries(labels.map((label) => [label, 0]));
    const cpuMicros: Record<string, number> = Object.fromEntries(labels.map((label) => [label, 0]));
    const slices = Array.from({ length: Math.ceil(batches.length / SLICE) }, (_, i) => Array.from({ length: Math.min(SLICE, batches.length - i * SLICE) }, (_, j) => i * SLICE + j));
    console.log(`ingest benchmark: ${POINTS} points per method in batches of ${BATCH}, ${CONCURRENCY} at a time, ${slices.length} turns of ${SLICE * BATCH} points, database ${name} on ${url.host}`);
    for (const label of labels) await methods[label]!([0]); // warm-up (JIT, prepared statements), then start clean
    await truncate();
    for (const [turn, slice] of slices.entries()) {
      const order = labels.map((_, i) => labels[(i + turn) % labels.length]!);
      for (const label of order) {
        const started = performance.now();
        const cpu = process.cpuUsage();
        await methods[label]!(slice);
        const used = process.cpuUsage(cpu);
        cpuMicros[label]! += used.user + used.system;
        seconds[label]! += (performance.now() - started) / 1000;
      }
    }
    const stored = await count();
    if (stored !== POINTS * labels.length) throw new Error(`stored ${stored} rows, expected ${POINTS * labels.length}`);
    const rate = (label: string) => POINTS / seconds[label]!;
    // Node's own CPU per 1,000 points: the share of the 2 cores the benchmark process takes from Postgres.
    const cpuPerBatch = (label: string) => (cpuMicros[label]! / 1000 / (POINTS / BATCH)).toFixed(1);
    for (const label of labels) {
      console.log(`  ${label.padEnd(58)} ${Math.round(rate(label)).toLocaleString('en-US').padStart(9)} points/s   node CPU ${cpuPerBatch(label).padStart(5)} ms per 1,000 points`);
    }
    const [route, copy, store, values] = labels.map(rate) as [number, number, number, number];
    console.log(`\nPOST /api/v1/metrics vs COPY: ${(route / copy).toFixed(2)}x (target >= 0.5x)`);
    console.log(`storeMetricPoints vs COPY:    ${(store / copy).toFixed(2)}x (the INSERT the route ends in, alone)`);
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
