import { describe, expect, it } from 'vitest';
import { EventCounters } from '../metrics/counters';
import { Cache } from './cache';
import { FrequencySketch } from './frequency-sketch';

describe('FrequencySketch', () => {
  it('never estimates below the true count (up to the cap), and tells hot keys from cold ones', () => {
    const sketch = new FrequencySketch({ capacity: 1_000, sampleSize: 1_000_000 });
    const truth = new Map<string, number>();
    for (let i = 0; i < 5_000; i++) {
      // Key k is asked for about 1/(k+1) as often as key 0.
      const key = `k:${Math.floor(1 / (((i * 7919) % 997) / 997 + 0.01)) % 400}`;
      sketch.record(key);
      truth.set(key, (truth.get(key) ?? 0) + 1);
    }
    for (const [key, n] of truth) expect(sketch.estimate(key)).toBeGreaterThanOrEqual(Math.min(n, 15));
    expect(sketch.estimate('never-seen')).toBeLessThanOrEqual(1);
  });

  it('saturates at the cap and halves every counter after sampleSize accesses', () => {
    const sketch = new FrequencySketch({ capacity: 64, sampleSize: 40 });
    for (let i = 0; i < 20; i++) sketch.record('hot');
    expect(sketch.estimate('hot')).toBe(15);
    for (let i = 0; i < 19; i++) sketch.record(`other:${i}`);
    expect(sketch.estimate('hot')).toBe(15);
    sketch.record('last'); // the 40th access: everything halves
    expect(sketch.estimate('hot')).toBe(7);
  });
});

describe('Cache L1 admission (TinyLFU)', () => {
  const make = (admission: 'tinylfu' | 'lru') => new Cache({ maxEntries: 3, admission, counters: new EventCounters(() => {}), logger: { warn: () => {} } });
  const load = (value: string) => async () => value;

  async function scenario(admission: 'tinylfu' | 'lru') {
    const cache = make(admission);
    // Three keys, each read several times: L1 is full of keys in use.
    for (let round = 0; round < 4; round++) for (const key of ['a:1', 'a:2', 'a:3']) await cache.wrap(key, load(key), { ttlSeconds: 60 });
    // A scan of keys read once each.
    for (let i = 0; i < 10; i++) await cache.wrap(`scan:${i}`, load('x'), { ttlSeconds: 60 });
    let computed = 0;
    for (const key of ['a:1', 'a:2', 'a:3']) await cache.wrap(key, async () => ++computed, { ttlSeconds: 60 });
    return { computed, cache };
  }

  it('a scan of one-off keys does not push the keys in use out of a full L1; plain LRU loses them all', async () => {
    const tiny = await scenario('tinylfu');
    expect(tiny.computed).toBe(0);
    // The one-off keys were served, not kept: counted with the evictions of their prefix.
    expect(tiny.cache.prefixStats().find((s) => s.prefix === 'scan')).toMatchObject({ misses: 10, evictions: 10 });
    expect((await scenario('lru')).computed).toBe(3);
  });

  it('a new key asked for more often than the least recently used entry takes its place', async () => {
    const cache = make('tinylfu');
    for (const key of ['a:1', 'a:2', 'a:3']) await cache.set(key, key, { ttlSeconds: 60 });
    let computed = 0;
    for (let i = 0; i < 3; i++) await cache.wrap('b:new', async () => ++computed, { ttlSeconds: 60 });
    // Refused while its count did not exceed the victim's, admitted once it did; then a hit.
    expect(computed).toBe(2);
    expect(await cache.wrap('b:new', async () => ++computed, { ttlSeconds: 60 })).toBe(2);
    expect(cache.size).toBe(3);
  });

  it('an expired victim is replaced whatever its past frequency', async () => {
    let clock = 0;
    const cache = new Cache({ maxEntries: 1, now: () => clock, counters: new EventCounters(() => {}), logger: { warn: () => {} } });
    for (let i = 0; i < 5; i++) await cache.wrap('old:1', load('old'), { ttlSeconds: 1 });
    clock += 2_000;
    await cache.set('new:1', 'new', { ttlSeconds: 60 });
    expect(await cache.get('new:1')).toBe('new');
  });
});
