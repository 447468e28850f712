import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricRollups1d, metricRollups6h } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { loadDashboard } from './load-dashboard';
import { seedDemoMetrics } from './seed-demo';

const NOW = new Date('2026-03-01T12:34:25Z');

/** Numbers to 12 significant digits: sums added in another order differ in the last bits. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rounded(inner)]));
  return value;
}

describe('seedDemoMetrics', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoMetrics(t.db, { now: NOW, kind: t.kind, days: 2 });
  }, 120_000);
  afterAll(async () => t.close());

  const load = (range: '15m' | '24h' | '7d' | '30d', rawOnly = false) => loadDashboard(t.db, { range, now: NOW, databaseKind: t.kind, rawOnly });

  it('fills every part of the dashboard', async () => {
    const day = await load('24h');
    expect(day.hasAnyMetrics).toBe(true);
    expect(day.sources).toEqual(['1h', '1m', 'raw']);
    expect(day.endpoints.map((row) => row.kind)).toEqual(expect.arrayContaining(['route', 'action', 'job']));
    expect(day.series.every((point) => point.count > 0)).toBe(true);
    for (const tile of Object.values(day.tiles)) expect(tile.current).not.toBeNull();
    expect(day.monitors).toHaveLength(1);
    expect(day.database.roundTripAvgMs.state).toBe('value');
    expect(day.database.cacheHitRatio.state).toBe(t.kind === 'postgres' ? 'value' : 'unavailable');
  });

  it('leaves rollups that agree with the raw rows they stand for', async () => {
    // The last hour exists both raw and rolled up: read either way, every figure is the same.
    const rolled = await load('15m');
    const raw = await load('15m', true);
    expect(rolled.sources).toEqual(['1m', 'raw']);
    expect(rounded(rolled.series)).toEqual(rounded(raw.series));
    expect(rounded(rolled.endpoints)).toEqual(rounded(raw.endpoints));
    expect(rounded(rolled.tiles)).toEqual(rounded(raw.tiles));
  });

  /** The range read with the 6-hour and daily rollups set aside: from the hours they merge. */
  async function loadFromHours(range: '7d' | '30d') {
    const [sixHours, days] = [await t.db.select().from(metricRollups6h), await t.db.select().from(metricRollups1d)];
    await t.db.delete(metricRollups6h);
    await t.db.delete(metricRollups1d);
    try {
      return await load(range);
    } finally {
      await t.db.insert(metricRollups6h).values(sixHours);
      await t.db.insert(metricRollups1d).values(days);
    }
  }

  it('writes daily rollups that read the same as the hours they merge', async () => {
    const fromDays = await load('30d');
    // Days up to midnight, today's 6-hour buckets up to 12:00 (the hourly boundary too), then minutes and raw.
    expect(fromDays.sources).toEqual(['1d', '6h', '1m', 'raw']);
    const fromHours = await loadFromHours('30d');
    expect(fromHours.sources).toEqual(['1h', '1m', 'raw']);
    expect(rounded(fromDays.series)).toEqual(rounded(fromHours.series));
    expect(rounded(fromDays.endpoints)).toEqual(rounded(fromHours.endpoints));
    expect(rounded(fromDays.tiles)).toEqual(rounded(fromHours.tiles));
  });

  it('writes 6-hour rollups that read the same as the hours they merge', async () => {
    const fromSixHours = await load('7d');
    expect(fromSixHours.sources).toEqual(['6h', '1m', 'raw']);
    const fromHours = await loadFromHours('7d');
    expect(fromHours.sources).toEqual(['1h', '1m', 'raw']);
    expect(fromSixHours.series.filter((point) => point.count > 0).length).toBeGreaterThan(8);
    expect(rounded(fromSixHours.series)).toEqual(rounded(fromHours.series));
    expect(rounded(fromSixHours.endpoints)).toEqual(rounded(fromHours.endpoints));
    expect(rounded(fromSixHours.tiles)).toEqual(rounded(fromHours.tiles));
  });

  it('adds nothing twice when run again', async () => {
    const before = await load('24h');
    await seedDemoMetrics(t.db, { now: NOW, kind: t.kind, days: 2 });
    const after = await load('24h');
    expect(after.endpoints).toEqual(before.endpoints);
    expect(after.monitors).toHaveLength(1);
  });
});
