import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { metricRollups1d, metricRollups1h, metricRollups1m, metricRollups6h, productionMetrics } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { setSetting } from '../settings/settings';
import { applyMetricsRetention } from './retention';

const NOW = new Date('2026-03-01T03:37:00Z');
const daysAgo = (days: number, extraMs = 0) => new Date(NOW.getTime() - days * 86_400_000 - extraMs);
const rollup = (bucketStart: Date) => ({ metricType: 'api_response_time', endpoint: 'GET /x', bucketStart, count: 1, sum: 1, min: 1, max: 1 });

describe('metrics retention', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it('deletes each table by its own age limit, in batches, and keeps everything younger', async () => {
    // Raw: 23 rows just past 7 days, 2 just inside.
    await t.db.insert(productionMetrics).values([
      ...Array.from({ length: 23 }, (_, i) => ({ metricType: 'cpu_usage', endpoint: 'process', metricValue: i, recordedAt: daysAgo(7, 1_000 + i) })),
      { metricType: 'cpu_usage', endpoint: 'process', metricValue: 1, recordedAt: daysAgo(7, -1_000) },
      { metricType: 'cpu_usage', endpoint: 'process', metricValue: 2, recordedAt: daysAgo(1) },
    ]);
    await t.db.insert(metricRollups1m).values([rollup(daysAgo(31)), rollup(daysAgo(30, 60_000)), rollup(daysAgo(29))]);
    await t.db.insert(metricRollups1h).values([rollup(daysAgo(401)), rollup(daysAgo(399)), rollup(daysAgo(8))]);
    await t.db.insert(metricRollups6h).values([rollup(daysAgo(400, 1_000)), rollup(daysAgo(400, -1_000)), rollup(daysAgo(8))]);
    await t.db.insert(metricRollups1d).values([rollup(daysAgo(402)), rollup(daysAgo(401)), rollup(daysAgo(398))]);

    const result = await applyMetricsRetention(t.db, { now: NOW, batchRows: 5 });
    expect(result).toEqual({ rawDeleted: 23, minuteDeleted: 2, hourDeleted: 1, sixHourDeleted: 1, dayDeleted: 2 });
    expect(await t.db.$count(productionMetrics)).toBe(2);
    expect(await t.db.$count(metricRollups1m)).toBe(1);
    expect(await t.db.$count(metricRollups1h)).toBe(2);
    expect(await t.db.$count(metricRollups6h)).toBe(2);
    expect(await t.db.$count(metricRollups1d)).toBe(1);
    // Nothing left to do: a second run deletes nothing.
    expect(await applyMetricsRetention(t.db, { now: NOW })).toEqual({ rawDeleted: 0, minuteDeleted: 0, hourDeleted: 0, sixHourDeleted: 0, dayDeleted: 0 });
  });

  it('follows the retention settings an admin changed', async () => {
    const context = { actor: { type: 'system' as const, id: 'test' }, request: {} };
    await setSetting(t.db, 'metrics.retention_raw_days', 1, context);
    await setSetting(t.db, 'metrics.retention_1h_days', 30, context);
    await t.db.insert(productionMetrics).values([
      { metricType: 'cpu_usage', endpoint: 'process', metricValue: 1, recordedAt: daysAgo(2) },
      { metricType: 'cpu_usage', endpoint: 'process', metricValue: 2, recordedAt: daysAgo(0, 3_600_000) },
    ]);
    await t.db.insert(metricRollups1h).values([rollup(daysAgo(31)), rollup(daysAgo(8))]);
    // 6-hour buckets follow the hours' setting.
    await t.db.insert(metricRollups6h).values([rollup(daysAgo(31)), rollup(daysAgo(8))]);
    expect(await applyMetricsRetention(t.db, { now: NOW })).toEqual({ rawDeleted: 1, minuteDeleted: 0, hourDeleted: 1, sixHourDeleted: 1, dayDeleted: 0 });
    expect(await t.db.$count(metricRollups6h)).toBe(1);
  });
});
