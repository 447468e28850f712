import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/rows';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { EventCounters } from '../metrics/counters';
import { testRedis } from '../rate-limit/test-redis';
import { Cache } from './cache';
import type { L2Store } from './l2';
import { PostgresL2 } from './postgres-l2';
import { RedisL2 } from './redis-l2';

let t: TestDb;
const { redis, prefix } = testRedis();
let clock = Date.UTC(2026, 4, 1);
const now = () => clock;
const quiet = { warn: () => {} };

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
});

const l2s: Array<[string, () => L2Store | undefined]> = [
  ['no L2', () => undefined],
  ['Postgres L2', () => new PostgresL2(t.db)],
  ['Redis L2', () => new RedisL2(redis, prefix)],
];

describe.each(l2s)('Cache with %s', (name, makeL2) => {
  const make = (options: { l1MaxTtlSeconds?: number } = {}) => new Cache({ l2: makeL2(), now, counters: new EventCounters(() => {}), logger: quiet, ...options });
  const ns = name.replace(/\W/g, '');

  it('single-flight: 100 concurrent wraps of one missing key compute once', async () => {
    const cache = make();
    let computed = 0;
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        cache.wrap(`${ns}sf:key`, async () => {
          computed++;
          await new Promise((resolve) => setTimeout(resolve, 20));
          return { answer: 42 };
        }, { ttlSeconds: 60 }),
      ),
    );
    expect(computed).toBe(1);
    expect(results.every((r) => r.answer === 42)).toBe(true);
    expect(await cache.wrap(`${ns}sf:key`, async () => ({ answer: 0 }), { ttlSeconds: 60 })).toEqual({ answer: 42 });
    expect(computed).toBe(1);
  });

  it('get / set / delete / expiry by TTL', async () => {
    const cache = make();
    await cache.set(`${ns}a:1`, [1, 2, 3], { ttlSeconds: 5 });
    expect(await cache.get(`${ns}a:1`)).toEqual([1, 2, 3]);
    clock += 6_000;
    expect(await cache.get(`${ns}a:1`)).toBeUndefined();
    await cache.set(`${ns}a:2`, 'x', { ttlSeconds: 60 });
    await cache.delete(`${ns}a:2`);
    expect(await cache.get(`${ns}a:2`)).toBeUndefined();
  });

  it('invalidates by tag and purges by prefix, for every instance sharing the L2', async () => {
    const a = make();
    await a.set(`${ns}dash:1h`, 1, { ttlSeconds: 60, tags: ['rollups'] });
    await a.set(`${ns}dash:24h`, 2, { ttlSeconds: 60, tags: ['rollups'] });
    await a.set(`${ns}other:x`, 3, { ttlSeconds: 60 });
    expect(await a.invalidateTag('rollups')).toBe(2);
    expect(await a.get(`${ns}dash:1h`)).toBeUndefined();
    const b = make();
    expect(await b.get(`${ns}dash:24h`)).toBeUndefined();
    if (makeL2()) expect(await b.get(`${ns}other:x`)).toBe(3);
    expect(await a.deletePrefix(`${ns}other:`)).toBe(1);
    expect(await make().get(`${ns}other:x`)).toBeUndefined();
  });

  it('counts hits, misses and evictions per key prefix', async () => {
    const cache = new Cache({ l2: makeL2(), now, maxEntries: 2, counters: new EventCounters(() => {}), logger: quiet });
    await cache.set(`${ns}p:1`, 1, { ttlSeconds: 60 });
    await cache.get(`${ns}p:1`);
    await cache.get(`${ns}p:missing`);
    await cache.set(`${ns}p:2`, 2, { ttlSeconds: 60 });
    await cache.set(`${ns}p:3`, 3, { ttlSeconds: 60 });
    expect(cache.prefixStats().find((s) => s.prefix === `${ns}p`)).toMatchObject({ hits: 1, misses: 1, evictions: 1, sets: 3 });
  });
});

describe('shared L2 specifics', () => {
  it('a second instance reads what the first wrote (L2 hit) and hit counts reach performance_cache in one batch', async () => {
    const a = new Cache({ l2: new PostgresL2(t.db), now, counters: new EventCounters(() => {}), logger: quiet });
    const b = new Cache({ l2: new PostgresL2(t.db), now, counters: new EventCounters(() => {}), logger: quiet });
    await a.set('hits:key', { v: 1 }, { ttlSeconds: 60 });
    expect(await b.get('hits:key')).toEqual({ v: 1 });
    for (let i = 0; i < 4; i++) await b.get('hits:key');
    expect(b.prefixStats()[0]).toMatchObject({ l2Hits: 1, hits: 4 });
    const before = await queryRows<{ hit_count: number }>(t.db, sql`select hit_count from performance_cache where cache_key = 'hits:key'`);
    expect(before[0]!.hit_count).toBe(0);
    await b.flushHits();
    const after = await queryRows<{ hit_count: number }>(t.db, sql`select hit_count from performance_cache where cache_key = 'hits:key'`);
    expect(after[0]!.hit_count).toBe(5);
    a.close();
    b.close();
  });

  it('an L2 that fails degrades to misses and computes, never throws', async () => {
    const broken: L2Store = {
      kind: 'redis',
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.reject(new Error('down')),
      delete: async () => 0,
      deletePrefix: async () => 0,
      invalidateTag: async () => [],
      addHits: async () => {},
    };
    const rows: unknown[] = [];
    const cache = new Cache({ l2: broken, now, counters: new EventCounters((r) => rows.push(...r)), logger: quiet });
    expect(await cache.wrap('f:1', async () => 7, { ttlSeconds: 60 })).toBe(7);
    expect(await cache.get('f:1')).toBe(7);
  });
});
