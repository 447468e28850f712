import { asc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { productionMetrics } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { MetricsAggregator } from './aggregator';
import { measure, recordMeasurement, setMeasurementSink } from './instrument';
import { mergeSketches, sketchQuantile, type SketchCounts } from './sketch';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');

/** Nearest-rank quantile of the exact values: what the sketch must match within 1%. */
function trueQuantile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

function expectWithinOnePercent(actual: unknown, expected: number) {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected) / expected).toBeLessThanOrEqual(0.01);
}

/** A known, skewed latency distribution: 2,000 calls, mostly fast with a long tail. */
function knownDurations(): number[] {
  const durations: number[] = [];
  for (let i = 1; i <= 1_800; i += 1) durations.push(5 + (i % 90) * 0.5); // 5 .. 49.5 ms
  for (let i = 1; i <= 180; i += 1) durations.push(100 + i * 5); // 105 .. 1,000 ms
  for (let i = 1; i <= 20; i += 1) durations.push(2_000 + i * 100); // 2.1 .. 4 s
  // Deterministic shuffle, so arrival order is not sorted.
  return durations.map((value, index) => ({ value, key: (index * 7919) % 2003 })).sort((a, b) => a.key - b.key).map((entry) => entry.value);
}

describe('metrics aggregator', () => {
  let t: TestDb;
  let clock: number;
  let aggregator: MetricsAggregator;
  const logger = { warn: vi.fn() };

  beforeEach(async () => {
    t = await createTestDb();
    clock = T0;
    logger.warn.mockReset();
    aggregator = new MetricsAggregator({ instance: 'test-1', now: () => clock, logger });
    setMeasurementSink(aggregator.record);
  });
  afterEach(async () => {
    setMeasurementSink(undefined);
    await t.close();
  });

  it('writes one row per endpoint and 10-second bucket with exact counts and percentiles within 1%', async () => {
    const durations = knownDurations();
    // Spread over three buckets (12:00:00, :10, :20); every 50th call is a 500, every 40th a 404.
    durations.forEach((durationMs, index) => {
      clock = T0 + Math.floor((index * 30_000) / durations.length);
      const status = index % 50 === 0 ? 500 : index % 40 === 0 ? 404 : 200;
      recordMeasurement({ kind: 'route', name: 'GET /api/v1/metrics', durationMs, status, errorClass: status === 500 ? 'TypeError' : undefined });
    });
    clock = T0 + 29_000;
    // The bucket in progress (12:00:20) is not written yet: nothing on the request path either.
    expect(await t.db.select().from(productionMetrics)).toHaveLength(0);
    const first = await aggregator.flush(t.db);
    expect(first).toMatchObject({ written: 2, kept: 0 });
    clock = T0 + 30_000;
    await aggregator.flush(t.db);

    const rows = await t.db.select().from(productionMetrics).orderBy(asc(productionMetrics.recordedAt));
    expect(rows.map((row) => row.recordedAt.toISOString())).toEqual(['2026-03-01T12:00:00.000Z', '2026-03-01T12:00:10.000Z', '2026-03-01T12:00:20.000Z']);
    expect(rows.every((row) => row.metricType === 'api_response_time' && row.endpoint === 'GET /api/v1/metrics')).toBe(true);

    const merged: SketchCounts = {};
    let count = 0;
    let errors = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    const statuses: Record<string, number> = {};
    for (const row of rows) {
      const meta = row.metadata as Record<string, unknown> & { sketch: SketchCounts; statuses: Record<string, number> };
      expect(meta).toMatchObject({ agg: 1, bucketSeconds: 10, instance: 'test-1' });
      expect(row.metricValue).toBeCloseTo((meta.sum as number) / (meta.count as number), 6);
      mergeSketches(merged, meta.sketch);
      count += meta.count as number;
      errors += meta.errors as number;
      sum += meta.sum as number;
      min = Math.min(min, meta.min as number);
      max = Math.max(max, meta.max as number);
      for (const [status, n] of Object.entries(meta.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
    }
    const sorted = [...durations].sort((a, b) => a - b);
    expect(count).toBe(2_000);
    expect(errors).toBe(40); // the 500s; 404s are client errors
    expect(statuses).toEqual({ '200': 1_920, '404': 40, '500': 40 });
    expect(min).toBe(sorted[0]);
    expect(max).toBe(sorted.at(-1));
    expect(sum).toBeCloseTo(durations.reduce((a, b) => a + b, 0), 6);
    for (const q of [0.5, 0.95, 0.99]) expectWithinOnePercent(sketchQuantile(merged, q), trueQuantile(sorted, q));
    // Each row's own p50/p95/p99 match its bucket's exact values within 1% as well.
    for (const [index, row] of rows.entries()) {
      const own = durations.filter((_, i) => Math.floor((i * 30_000) / durations.length / 10_000) === index).sort((a, b) => a - b);
      const meta = row.metadata as Record<string, number>;
      expect(meta.count).toBe(own.length);
      expectWithinOnePercent(meta.p50, trueQuantile(own, 0.5));
      expectWithinOnePercent(meta.p95, trueQuantile(own, 0.95));
      expectWithinOnePercent(meta.p99, trueQuantile(own, 0.99));
    }
    expect(rows.some((row) => (row.metadata as Record<string, unknown>).lastErrorClass === 'TypeError')).toBe(true);
  });

  it('stores actions under action:<name> and jobs under job_duration, counting thrown errors', async () => {
    await measure('action', 'settings/users.createUser', async () => 'done');
    await expect(measure('job', 'housekeeping', async () => Promise.reject(new RangeError('boom')))).rejects.toThrow('boom');
    await aggregator.flush(t.db, { final: true });
    const rows = await t.db.select().from(productionMetrics).orderBy(asc(productionMetrics.metricType));
    expect(rows.map((row) => [row.metricType, row.endpoint, (row.metadata as Record<string, unknown>).errors])).toEqual([
      ['api_response_time', 'action:settings/users.createUser', 0],
      ['job_duration', 'housekeeping', 1],
    ]);
    expect(rows[1]!.metadata).toMatchObject({ statuses: { error: 1 }, lastErrorClass: 'RangeError' });
  });

  it('keeps the rows of a failed flush (closed database) and writes them on the next try', async () => {
    for (let i = 0; i < 5; i += 1) recordMeasurement({ kind: 'route', name: 'GET /api/health/live', durationMs: 1 + i, status: 200 });
    clock = T0 + 10_000;
    recordMeasurement({ kind: 'route', name: 'GET /api/health/live', durationMs: 9, status: 200 });
    aggregator.enqueue([{ metricType: 'memory_usage', endpoint: 'process:rss', metricValue: 1e8, recordedAt: new Date(T0), metadata: { instance: 'test-1' } }]);

    const closed = await createTestDb();
    await closed.close();
    clock = T0 + 20_000;
    const failed = await aggregator.flush(closed.db);
    expect(failed.written).toBe(0);
    expect(failed.kept).toBe(3);
    expect(failed.error).toBeDefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('keeping 3 rows for the next try'));

    const retried = await aggregator.flush(t.db);
    expect(retried).toMatchObject({ written: 3, kept: 0 });
    const rows = await t.db.select().from(productionMetrics);
    const live = rows.filter((row) => row.endpoint === 'GET /api/health/live');
    expect(live.map((row) => (row.metadata as Record<string, number>).count).sort()).toEqual([1, 5]);
    expect(rows.filter((row) => row.metricType === 'memory_usage')).toHaveLength(1);
    // Nothing is written twice.
    expect(await aggregator.flush(t.db)).toMatchObject({ written: 0 });
    expect(await t.db.select().from(productionMetrics)).toHaveLength(3);
  });

  it('drops the oldest rows beyond the bound, counts them and reports them on the next successful flush', async () => {
    const small = new MetricsAggregator({ instance: 'test-2', now: () => clock, maxPendingRows: 4, logger });
    const closed = await createTestDb();
    await closed.close();
    // Six buckets of one endpoint: 12:00:00 .. 12:00:50.
    for (let bucket = 0; bucket < 6; bucket += 1) {
      clock = T0 + bucket * 10_000;
      small.record({ kind: 'route', name: 'GET /api/v1/metrics', durationMs: 10 + bucket, status: 200 });
    }
    clock = T0 + 60_000;
    const failed = await small.flush(closed.db);
    expect(failed.kept).toBe(4);
    expect(small.snapshot().droppedRowsTotal).toBe(2);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('dropped the 2 oldest metric rows'));

    const ok = await small.flush(t.db);
    expect(ok.written).toBe(5); // four kept buckets and the drop report
    const rows = await t.db.select().from(productionMetrics).orderBy(asc(productionMetrics.recordedAt));
    const buckets = rows.filter((row) => row.metricType === 'api_response_time').map((row) => row.recordedAt.toISOString().slice(11, 19));
    expect(buckets).toEqual(['12:00:20', '12:00:30', '12:00:40', '12:00:50']);
    const dropped = rows.filter((row) => row.metricType === 'metrics_dropped');
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({ metricValue: 2, endpoint: null, metadata: { instance: 'test-2' } });
    // Reported once: the next flush has nothing to say.
    expect(await small.flush(t.db)).toMatchObject({ written: 0 });
    expect(small.snapshot().droppedRowsTotal).toBe(2);
  });

  it('counts calls and errors since start and keeps a one-minute latency window for scraping', () => {
    for (let i = 0; i < 10; i += 1) recordMeasurement({ kind: 'route', name: 'GET /api/x', durationMs: 100, status: i < 3 ? 503 : 200 });
    clock = T0 + 120_000;
    aggregator.closeBuckets();
    recordMeasurement({ kind: 'route', name: 'GET /api/x', durationMs: 2, status: 200 });
    const [series] = aggregator.snapshot().series;
    expect(series).toMatchObject({ endpoint: 'GET /api/x', count: 11, errors: 3 });
    // The 100 ms calls are two minutes old: only the recent 2 ms call is in the window.
    expectWithinOnePercent(sketchQuantile(series!.recentSketch, 0.99), 2);
  });
});
