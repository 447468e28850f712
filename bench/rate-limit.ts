/**
 * Edge protection benchmarks (issue 6), side by side in one run. `npx tsx bench/rate-limit.ts`.
 *
 * 1. Limiter decisions/s and p50/p99 latency: our GCRA limiter against rate-limiter-flexible
 *    (fixed window) on the same store: memory, Postgres (BENCH_DATABASE_URL, default the local
 *    server; a scratch database is created and dropped) and Redis (REDIS_URL, default
 *    127.0.0.1:6379). 32 decisions in flight, 1,000 identities, a limit nobody reaches so
 *    both do the full write path.
 * 2. Cache hit rate of L1 on a Zipf(1) workload: 100,000 keys, capacity 10,000 (10%),
 *    1,000,000 reads through wrap(), with plain LRU and with TinyLFU admission (the default),
 *    next to an exact-count LFU learning from the same trace (the best a frequency policy
 *    can do) and the ceiling (the 10% most popular keys pinned from the start); the same at
 *    1,000,000 keys. Target >= 80%.
 * 3. L1 hit ops/s (get of a present key), with plain LRU and with TinyLFU admission.
 * 4. The same route bare and limited + instrumented (memory store, the real aggregator as
 *    the sink), each in its own child process, autocannon against one then the other, 7
 *    alternating rounds (BENCH_ROUTE_ROUNDS); the median req/s ratio (target >= 0.9x) and the
 *    server's CPU time per request, which the client sharing the cores disturbs less.
 * Loopback only; bounded to about two minutes. `npx tsx bench/rate-limit.ts cache` runs 2 and 3 only.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import postgres from 'postgres';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '../db/schema';
import type { Db } from '../db/types';
import { Cache } from '../lib/cache/cache';
import { EventCounters } from '../lib/metrics/counters';
import { MetricsAggregator } from '../lib/metrics/aggregator';
import { setMeasurementSink } from '../lib/metrics/instrument';
import { instrumentRoute } from '../lib/metrics/route';
import { rateLimitHeaders } from '../lib/rate-limit/headers';
import { RateLimiter } from '../lib/rate-limit/limiter';
import { MemoryStore } from '../lib/rate-limit/memory-store';
import type { RateLimitPolicy } from '../lib/rate-limit/policies';
import { PostgresStore } from '../lib/rate-limit/postgres-store';
import { RedisStore } from '../lib/rate-limit/redis-store';

const PG_BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 20_000);
const IN_FLIGHT = 32;
const IDENTITIES = 1_000;
const policy: RateLimitPolicy = { group: 'bench', identity: 'api_key', limit: 1_000_000_000, windowSeconds: 60, throttle: { maxErrorRate: 1, maxP95Ms: 1e9 } };

interface Result {
  perSecond: number;
  p50: number;
  p99: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function run(decide: (key: string) => Promise<unknown>, total = DECISIONS): Promise<Result> {
  const latencies: number[] = new Array(total);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await decide(`k${i % IDENTITIES}`);
        latencies[i] = performance.now() - t0;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: total / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
}

const fmt = (r: Result) => `${Math.round(r.perSecond).toString().padStart(8)} /s  p50 ${r.p50.toFixed(3).padStart(7)} ms  p99 ${r.p99.toFixed(3).padStart(7)} ms`;

function ours(store: ConstructorParameters<typeof RateLimiter>[0]['store']): (key: string) => Promise<unknown> {
  const limiter = new RateLimiter({ store, timeoutMs: 5_000, counters: new EventCounters(() => {}) });
  return (key) => limiter.check(policy, { type: 'api_key', id: key }, Date.now());
}

function theirs(limiter: RateLimiterAbstract): (key: string) => Promise<unknown> {
  return (key) => limiter.consume(key).catch((refusal: unknown) => refusal);
}

async function limiterBench(): Promise<void> {
  console.log(`\n1. Limiter decisions (${DECISIONS} each, ${IN_FLIGHT} in flight, ${IDENTITIES} identities)`);
  const rows: Array<[string, Result, Result]> = [];
  rows.push(['memory', await run(ours(new MemoryStore())), await run(theirs(new RateLimiterMemory({ points: policy.limit, duration: 60 })))]);

  const dbName = `smm_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(PG_BASE, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  const url = PG_BASE.replace(/\/[^/]*$/, `/${dbName}`);
  const client = postgres(url, { max: 10, onnotice: () => {} });
  try {
    await client.unsafe('create table rate_limit_state (key text primary key, tat_ms float8 not null, allowed boolean not null)');
    const db = drizzle(client, { schema }) as unknown as Db;
    // rate-limiter-flexible speaks node-postgres; this adapter gives it postgres.js's pool.
    const pgAdapter = { query: ({ text, values }: { text: string; values?: unknown[] }) => client.unsafe(text, (values ?? []) as never[]).then((rows) => ({ rows })) };
    const rlfPg = await new Promise<RateLimiterPostgres>((resolve, reject) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        { storeClient: pgAdapter, storeType: 'client', points: policy.limit, duration: 60, tableName: 'rlflx', clearExpiredByTimeout: false },
        (error?: Error) => (error ? reject(error) : resolve(limiter)),
      );
    });
    rows.push(['postgres', await run(ours(new PostgresStore(db))), await run(theirs(rlfPg))]);
  } finally {
    await client.end();
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
  }

  const redis = new Redis(REDIS_URL);
  const prefix = `smm:bench:${randomBytes(4).toString('hex')}:`;
  try {
    rows.push(['redis', await run(ours(new RedisStore(redis, prefix))), await run(theirs(new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}rlf`, points: policy.limit, duration: 60 })))]);
  } finally {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = nextCursor;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
  console.log('store      | ours (GCRA, sliding)                        | rate-limiter-flexible (fixed window)');
  for (const [store, a, b] of rows) console.log(`${store.padEnd(10)} | ${fmt(a)} | ${fmt(b)}   ours/theirs ${(a.perSecond / b.perSecond).toFixed(2)}x`);
}

/** Zipf(1) sampler over n keys by inverse CDF (binary search over the cumulative weights). */
function zipf(n: number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1);
  // mulberry32: a seeded PRNG with 32-bit integer arithmetic (a float LCG loses bits and cycles).
  let seed = 42;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * The best a frequency-based policy can do on the same trace: exact access counts since the
 * start (no sketch, no aging), the entry with the fewest counts among 64 sampled is the victim,
 * and a new key enters only if it was read more often than that victim. It learns popularity
 * from the same reads our cache sees, so unlike the oracle it pays for the tail's noise.
 */
function exactLfuHitRate(keys: number, reads: number, capacity: number): { all: number; secondHalf: number } {
  const counts = new Uint32Array(keys);
  const slotOf = new Int32Array(keys).fill(-1);
  const cached: number[] = [];
  const next = zipf(keys);
  let seed = 7;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) | 0;
    return (seed >>> 0) / 4_294_967_296;
  };
  let hits = 0;
  let hitsLater = 0;
  for (let i = 0; i < reads; i++) {
    const key = next();
    const count = ++counts[key]!;
    if (slotOf[key]! >= 0) {
      hits++;
      if (i >= reads / 2) hitsLater++;
      continue;
    }
    if (cached.length >= capacity) {
      let victimSlot = 0;
      let victimCount = Number.POSITIVE_INFINITY;
      for (let s = 0; s < 64; s++) {
        const slot = Math.floor(random() * cached.length);
        if (counts[cached[slot]!]! < victimCount) {
          victimCount = counts[cached[slot]!]!;
          victimSlot = slot;
        }
      }
      if (count <= victimCount) continue;
      slotOf[cached[victimSlot]!] = -1;
      cached[victimSlot] = key;
      slotOf[key] = victimSlot;
    } else {
      slotOf[key] = cached.length;
      cached.push(key);
    }
  }
  return { all: hits / reads, secondHalf: hitsLater / (reads / 2) };
}

async function cacheBench(): Promise<void> {
  // The ceiling of any policy depends on how many keys the capacity is 10% of (Zipf(1): about
  // H(N/10)/H(N): 76.5% at 10,000 keys, 81.0% at 100,000, 84.0% at 1,000,000), so the hit rate
  // is printed for several key counts, each with 10 reads per key.
  const keyCounts = (process.env.BENCH_ZIPF_KEYS ?? '100000,1000000').split(',').map(Number).filter((n) => n >= 1_000);
  // The exact-count reference is a plain simulation, slow at 10 million reads: smaller runs only.
  const LFU_REFERENCE_MAX_KEYS = Number(process.env.BENCH_ZIPF_LFU_MAX_KEYS ?? 200_000);
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  console.log('\n2. Cache on Zipf(1), L1 capacity 10% of the keys, 10 reads per key (target >= 80%)');
  const row = (keys: string, name: string, all: string, warm: string) => console.log(`   ${keys.padStart(9)} | ${name.padEnd(24)} | ${all.padStart(19)} | ${warm}`);
  row('keys', 'L1 admission', 'hit rate, all reads', 'second half (warm)');
  for (const keys of keyCounts) {
    const reads = keys * 10;
    const capacity = keys / 10;
    const hitRate = async (admission: 'lru' | 'tinylfu') => {
      const cache = new Cache({ maxEntries: capacity, admission, counters: new EventCounters(() => {}) });
      const next = zipf(keys);
      let computed = 0;
      let computedLater = 0;
      for (let i = 0; i < reads; i++) {
        const key = `z:${next()}`;
        await cache.wrap(key, async () => {
          computed++;
          if (i >= reads / 2) computedLater++;
          return key;
        }, { ttlSeconds: 3_600 });
      }
      return { all: 1 - computed / reads, secondHalf: 1 - computedLater / (reads / 2) };
    };
    // The ceiling: a cache holding exactly the 10% most popular keys from the first read on.
    const next = zipf(keys);
    let oracle = 0;
    for (let i = 0; i < reads; i++) if (next() < capacity) oracle++;
    const lru = await hitRate('lru');
    const tiny = await hitRate('tinylfu');
    const label = keys.toLocaleString('en');
    row(label, 'lru', pct(lru.all), pct(lru.secondHalf));
    row(label, 'tinylfu (default)', pct(tiny.all), pct(tiny.secondHalf));
    if (keys <= LFU_REFERENCE_MAX_KEYS) {
      const lfu = exactLfuHitRate(keys, reads, capacity);
      row(label, 'exact-count LFU (ref.)', pct(lfu.all), `${pct(lfu.secondHalf)} (best a frequency policy learns from this trace)`);
    }
    row(label, 'oracle: top 10% pinned', pct(oracle / reads), '(the ceiling for any policy)');
  }

  // The sketch costs every read two string hashes: L1 hits with and without it.
  for (const admission of ['lru', 'tinylfu'] as const) {
    const hot = new Cache({ admission, counters: new EventCounters(() => {}) });
    await hot.set('hot:key', { v: 1 }, { ttlSeconds: 3_600 });
    const n = 1_000_000;
    const started = performance.now();
    for (let i = 0; i < n; i++) await hot.get('hot:key');
    console.log(`3. L1 hit (${admission}): ${Math.round(n / ((performance.now() - started) / 1000)).toLocaleString('en')} gets/s`);
  }
}

// ---- 4. route bare vs limited + instrumented, each served by its own child process ----

async function bare(request: Request): Promise<Response> {
  return Response.json({ status: 'ok', path: new URL(request.url).pathname });
}

type RouteVariant = 'bare' | 'limited';

function limitedRoute(): (request: Request) => Promise<Response> {
  const aggregator = new MetricsAggregator({ instance: 'bench', logger: { warn: () => {} } });
  setMeasurementSink(aggregator.record);
  const limiter = new RateLimiter({ store: new MemoryStore(), counters: new EventCounters(() => {}) });
  const limitedPolicy: RateLimitPolicy = { ...policy, group: 'public' };
  const limited = instrumentRoute('GET /bench', async (request: Request) => {
    const ip = request.headers.get('x-forwarded-for') ?? '127.0.0.1';
    const outcome = await limiter.check(limitedPolicy, { type: 'ip', id: ip }, Date.now());
    const headers = rateLimitHeaders([{ name: 'public', quota: outcome.effectiveLimit, windowSeconds: 60, state: outcome }], outcome.allowed ? undefined : outcome.retryAfterSeconds);
    const response = await bare(request);
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  });
  return (request) => limited(request, undefined);
}

/**
 * The child: one variant on its own port (a process each, so neither shares the other's heap,
 * JIT state or timers), answering 'cpu' messages with the CPU time used since the last one.
 */
function serve(variant: RouteVariant): void {
  const handler = variant === 'bare' ? bare : limitedRoute();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const response = await handler(new Request(`http://127.0.0.1${req.url ?? '/'}`, { headers: req.headers as Record<string, string> }));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  let mark = process.cpuUsage();
  process.on('message', () => {
    const used = process.cpuUsage(mark);
    mark = process.cpuUsage();
    process.send?.({ cpuMicros: used.user + used.system });
  });
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
}

interface RouteServer {
  port: number;
  /** Server CPU time (µs) since the previous call. */
  cpu(): Promise<number>;
  stop(): void;
}

async function startRoute(variant: RouteVariant): Promise<RouteServer> {
  const child = fork(process.argv[1]!, ['serve', variant], { execArgv: process.execArgv, stdio: 'inherit' });
  const next = () => new Promise<Record<string, number>>((resolve) => child.once('message', (message) => resolve(message as Record<string, number>)));
  const { port } = await next();
  return {
    port: port!,
    cpu: async () => {
      const answer = next();
      child.send('cpu');
      return (await answer).cpuMicros!;
    },
    stop: () => child.kill(),
  };
}

interface CannonRun {
  perSecond: number;
  /** Server CPU per answered request, µs: steadier than req/s when the client shares the cores. */
  cpuPerRequest: number;
}

async function cannon(server: RouteServer, seconds: number): Promise<CannonRun> {
  await server.cpu();
  const result = await autocannon({ url: `http://127.0.0.1:${server.port}/bench`, connections: 50, duration: seconds });
  const cpu = await server.cpu();
  return { perSecond: result.requests.average, cpuPerRequest: cpu / Math.max(1, result.requests.total) };
}

const median = (values: number[]) => quantile([...values].sort((a, b) => a - b), 0.5);

async function routeBench(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUTE_ROUNDS ?? 7);
  const servers = { bare: await startRoute('bare'), limited: await startRoute('limited') };
  try {
    // Warm both (JIT) before anything is counted.
    await cannon(servers.bare, 3);
    await cannon(servers.limited, 3);
    const throughput: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first, so a drift of the machine does not favour one side.
      const order: RouteVariant[] = round % 2 ? ['limited', 'bare'] : ['bare', 'limited'];
      const runs = {} as Record<RouteVariant, CannonRun>;
      for (const name of order) runs[name] = await cannon(servers[name], 3);
      throughput.push(runs.limited.perSecond / runs.bare.perSecond);
      cpu.push(runs.bare.cpuPerRequest / runs.limited.cpuPerRequest);
      console.log(
        `   round ${round + 1}: bare ${Math.round(runs.bare.perSecond)} req/s (${runs.bare.cpuPerRequest.toFixed(0)} µs CPU/req), ` +
          `limited+instrumented ${Math.round(runs.limited.perSecond)} req/s (${runs.limited.cpuPerRequest.toFixed(0)} µs CPU/req), ratio ${throughput.at(-1)!.toFixed(3)}`,
      );
    }
    console.log(
      `4. Route limited+instrumented vs bare (autocannon, 50 connections, ${rounds} rounds): median req/s ratio ${median(throughput).toFixed(3)}x (target >= 0.9x); ` +
        `median server CPU per request ratio ${median(cpu).toFixed(3)}x`,
    );
  } finally {
    servers.bare.stop();
    servers.limited.stop();
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') return serve(process.argv[3] === 'limited' ? 'limited' : 'bare');
  // `npx tsx bench/rate-limit.ts cache`: the cache part alone.
  if (process.argv[2] === 'cache') return cacheBench();
  // `npx tsx bench/rate-limit.ts route`: the route comparison alone (run it on a quiet machine).
  if (process.argv[2] === 'route') return routeBench();
  await limiterBench();
  await cacheBench();
  console.log('\n4. Route bench');
  await routeBench();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
