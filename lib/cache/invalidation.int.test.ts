import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { EventCounters } from '../metrics/counters';
import { testRedis } from '../rate-limit/test-redis';
import { Cache } from './cache';
import { PostgresInvalidationBus, RedisInvalidationBus, decodeInvalidation, encodeInvalidation, type InvalidationBus } from './invalidation';
import type { L2Store } from './l2';
import { PostgresL2 } from './postgres-l2';
import { RedisL2 } from './redis-l2';

// LISTEN/NOTIFY needs a Postgres server: the test's own database when DATABASE_URL is set,
// else the local server (the Redis tests likewise use the local Redis).
const LOCAL_POSTGRES = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let t: TestDb;
const { redis, prefix } = testRedis();
const buses: InvalidationBus[] = [];
const caches: Cache[] = [];

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  for (const cache of caches) cache.close();
  for (const bus of buses) await bus.close();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
  await t.close();
});

const channel = `smm_cache_test_${randomBytes(4).toString('hex')}`;
const setups: Array<[string, () => InvalidationBus, () => L2Store]> = [
  ['Postgres LISTEN/NOTIFY', () => new PostgresInvalidationBus(t.url ?? LOCAL_POSTGRES, channel), () => new PostgresL2(t.db)],
  ['Redis pub/sub', () => new RedisInvalidationBus(redis, channel), () => new RedisL2(redis, prefix)],
];

describe.each(setups)('cross-instance L1 invalidation over %s', (name, makeBus, makeL2) => {
  const ns = name.replace(/\W/g, '').toLowerCase();
  const instance = async (withBus = true) => {
    const bus = withBus ? makeBus() : undefined;
    if (bus) buses.push(bus);
    const cache = new Cache({ l2: makeL2(), bus, counters: new EventCounters(() => {}), logger: { warn: () => {} } });
    caches.push(cache);
    await cache.whenListening();
    return cache;
  };
  /** b and a bus-less c both hold an L1 copy of each key (read from the shared level). */
  async function copies(a: Cache, b: Cache, c: Cache, keys: string[], tags: string[] = []) {
    for (const key of keys) await a.set(key, `v:${key}`, { ttlSeconds: 600, tags });
    for (const key of keys) {
      expect(await b.get(key)).toBe(`v:${key}`);
      expect(await c.get(key)).toBe(`v:${key}`);
    }
  }

  it('a key deleted on one instance leaves the other instances L1; without the bus the copy would be served stale', async () => {
    const [a, b, c] = [await instance(), await instance(), await instance(false)];
    await copies(a, b, c, [`${ns}k:1`, `${ns}k:2`]);
    expect(await a.delete(`${ns}k:1`)).toBe(1);
    await vi.waitFor(async () => expect(await b.get(`${ns}k:1`)).toBeUndefined(), { timeout: 5_000, interval: 20 });
    expect(await b.get(`${ns}k:2`)).toBe(`v:${ns}k:2`);
    // The control instance has no bus: its L1 copy outlives the shared entry (up to its L1 TTL).
    expect(await c.get(`${ns}k:1`)).toBe(`v:${ns}k:1`);
  });

  it('a purged prefix leaves every other instance L1', async () => {
    const [a, b, c] = [await instance(), await instance(), await instance(false)];
    await copies(a, b, c, [`${ns}dash:1h`, `${ns}dash:24h`, `${ns}other:x`]);
    expect(await a.deletePrefix(`${ns}dash:`)).toBe(2);
    await vi.waitFor(async () => expect(await b.get(`${ns}dash:24h`)).toBeUndefined(), { timeout: 5_000, interval: 20 });
    expect(await b.get(`${ns}dash:1h`)).toBeUndefined();
    expect(await b.get(`${ns}other:x`)).toBe(`v:${ns}other:x`);
    expect(await c.get(`${ns}dash:1h`)).toBe(`v:${ns}dash:1h`);
  });

  it('an invalidated tag reaches copies that never knew their tags, also with more keys than one NOTIFY holds', async () => {
    const [a, b, c] = [await instance(), await instance(), await instance(false)];
    // 300 keys of ~60 bytes: about 18 kB of keys, more than one 8 kB NOTIFY payload.
    const keys = Array.from({ length: 300 }, (_, i) => `${ns}rollup:${'x'.repeat(40)}:${i}`);
    await copies(a, b, c, keys, ['rollups']);
    await copies(a, b, c, [`${ns}untagged:1`]);
    expect(await a.invalidateTag('rollups')).toBe(300);
    await vi.waitFor(async () => expect(await b.get(keys[299]!)).toBeUndefined(), { timeout: 5_000, interval: 20 });
    for (const key of keys) expect(await b.get(key)).toBeUndefined();
    expect(await b.get(`${ns}untagged:1`)).toBe(`v:${ns}untagged:1`);
    expect(await c.get(keys[0]!)).toBe(`v:${keys[0]}`);
  });
});

describe('invalidation messages', () => {
  it('split long key lists into payloads under the NOTIFY limit and decode back to the same keys', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `k:${'é'.repeat(20)}:${i}`);
    const payloads = encodeInvalidation({ origin: 'o', kind: 'tag', value: 't', keys });
    expect(payloads.length).toBeGreaterThan(2);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
    const decoded = payloads.map((payload) => decodeInvalidation(payload)!);
    expect(decoded[0]).toMatchObject({ kind: 'tag', value: 't', keys: [] });
    expect(decoded.flatMap((message) => message.keys ?? [])).toEqual(keys);
    expect(decodeInvalidation('not json')).toBeUndefined();
    expect(decodeInvalidation(JSON.stringify({ origin: 'o', kind: 'drop table', value: '' }))).toBeUndefined();
  });
});
