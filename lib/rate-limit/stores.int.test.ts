import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type OpenDatabase } from '@/db/open';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { EventCounters } from '../metrics/counters';
import { RateLimiter } from './limiter';
import { MemoryStore } from './memory-store';
import type { RateLimitPolicy } from './policies';
import { PostgresStore } from './postgres-store';
import { RedisStore } from './redis-store';
import type { LimiterStore } from './store';
import { testRedis } from './test-redis';

const policy: RateLimitPolicy = { group: 'ingest', identity: 'api_key', limit: 20, windowSeconds: 60, throttle: { maxErrorRate: 0.05, maxP95Ms: 2000 } };
const NOW = Date.UTC(2026, 4, 1, 10);
const quiet = { warn: () => {} };

/** Two limiters (think: two app instances) on two connections to one shared store. */
async function sharedLimitIsHeld(a: RateLimiter, b: RateLimiter, key: string): Promise<void> {
  const identity = { type: 'api_key' as const, id: key };
  const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).check(policy, identity, NOW)));
  expect(outcomes.filter((o) => o.allowed)).toHaveLength(20);
  expect(outcomes.every((o) => !o.failedOpen)).toBe(true);
  const refused = outcomes.find((o) => !o.allowed)!;
  expect(refused).toMatchObject({ remaining: 0, retryAfterSeconds: 3, refusedBy: 'limit' });
  // Sliding: 3 s later exactly one more request is allowed, on either instance.
  expect((await a.check(policy, identity, NOW + 3_000)).allowed).toBe(true);
  expect((await b.check(policy, identity, NOW + 3_000)).allowed).toBe(false);
}

const limiter = (store: LimiterStore) => new RateLimiter({ store, timeoutMs: 5_000, counters: new EventCounters(() => {}), logger: quiet });

describe('limiter stores shared by two instances', () => {
  let t: TestDb;
  let second: OpenDatabase | undefined;
  const { redis: redisA, prefix } = testRedis();
  const { redis: redisB } = testRedis();

  beforeAll(async () => {
    t = await createTestDb();
    if (t.url) second = openPostgres(t.url, 5);
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
    const keys = await redisA.keys(`${prefix}*`);
    if (keys.length) await redisA.del(...keys);
    redisA.disconnect();
    redisB.disconnect();
  });

  it(`Postgres store: one atomic statement per decision holds the limit across instances`, async () => {
    // On PGlite both instances share the one embedded database; on Postgres each has its own pool.
    await sharedLimitIsHeld(limiter(new PostgresStore(t.db)), limiter(new PostgresStore(second?.db ?? t.db)), 'pg-key');
  });

  it('Redis store: the Lua script holds the limit across instances', async () => {
    await sharedLimitIsHeld(limiter(new RedisStore(redisA, prefix)), limiter(new RedisStore(redisB, prefix)), 'redis-key');
  });

  it('memory store: holds the limit in one process', async () => {
    const one = limiter(new MemoryStore());
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => one.check(policy, { type: 'ip', id: '10.0.0.1' }, NOW)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(20);
  });

  it('keys are independent: one identity at its limit does not refuse another', async () => {
    const store = new PostgresStore(t.db);
    const one = limiter(store);
    for (let i = 0; i < 20; i++) await one.check(policy, { type: 'api_key', id: 'busy' }, NOW);
    expect((await one.check(policy, { type: 'api_key', id: 'busy' }, NOW)).allowed).toBe(false);
    expect((await one.check(policy, { type: 'api_key', id: 'quiet' }, NOW)).allowed).toBe(true);
  });
});

describe('fail open', () => {
  it('lets requests through when the store throws, counts the fault and logs once, not per request', async () => {
    const broken: LimiterStore = { kind: 'postgres', consume: () => Promise.reject(new Error('connection refused')), reset: async () => {} };
    const rows: unknown[] = [];
    const counters = new EventCounters((r) => rows.push(...r));
    const warnings: string[] = [];
    const l = new RateLimiter({ store: broken, counters, logger: { warn: (m: string) => warnings.push(m) } });
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => l.check(policy, { type: 'ip', id: 'x' }, NOW)));
    expect(outcomes.every((o) => o.allowed && o.failedOpen)).toBe(true);
    expect(outcomes[0]).toMatchObject({ limit: 20, remaining: 20 });
    expect(warnings).toHaveLength(1);
    counters.flush(new Date(NOW));
    expect(rows).toEqual([expect.objectContaining({ metricType: 'rate_limit_store_fault', endpoint: 'postgres', metricValue: 10 })]);
  });

  it('lets requests through when the store hangs past the timeout', async () => {
    const hanging: LimiterStore = { kind: 'redis', consume: () => new Promise(() => {}), reset: async () => {} };
    const l = new RateLimiter({ store: hanging, timeoutMs: 50, counters: new EventCounters(() => {}), logger: quiet });
    const started = Date.now();
    const outcome = await l.check(policy, { type: 'ip', id: 'x' }, NOW);
    expect(outcome).toMatchObject({ allowed: true, failedOpen: true });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('fails open against a Redis that is not there', async () => {
    const { openRedis } = await import('../redis/client');
    const dead = openRedis('redis://127.0.0.1:1', { commandTimeoutMs: 100 });
    const l = new RateLimiter({ store: new RedisStore(dead, 'x:'), counters: new EventCounters(() => {}), logger: quiet });
    const outcome = await l.check(policy, { type: 'ip', id: 'x' }, NOW);
    expect(outcome).toMatchObject({ allowed: true, failedOpen: true });
    dead.disconnect();
  });
});
