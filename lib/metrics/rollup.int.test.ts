import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { metricRollups1d, metricRollups1h, metricRollups1m, metricRollups6h, productionMetrics } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { MetricsAggregator } from './aggregator';
import { rollUpMetrics, rollUpRangeFromHours } from './rollup';
import { addToSketch, mergeSketches, sketchPercentiles, sketchQuantile, type SketchCounts } from './sketch';

const at = (time: string) => new Date(`2026-03-01T${time}Z`);

function trueQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('metric rollups', () => {
  let t: TestDb;
  let clock: number;
  let aggregator: MetricsAggregator;

  beforeEach(async () => {
    t = await createTestDb();
    clock = at('10:00:00').getTime();
    aggregator = new MetricsAggregator({ instance: 'a', now: () => clock, logger: { warn: () => {} } });
  });
  afterEach(async () => t.close());

  /** Records `durations` spread evenly from `start` over `seconds`, one endpoint. */
  function drive(aggregatorToUse: MetricsAggregator, start: string, seconds: number, durations: number[], status = (i: number) => (i % 25 === 0 ? 500 : 200)) {
    durations.forEach((durationMs, i) => {
      clock = at(start).getTime() + Math.floor((i * seconds * 1000) / durations.length);
      aggregatorToUse.record({ kind: 'route', name: 'GET /api/v1/metrics', durationMs, status: status(i) });
    });
  }

  it('rolls raw rows into minutes and hours with exact counts and merged percentiles, idempotently', async () => {
    // Two instances' 10-second rows for 10:00–10:02 (three complete minutes) plus plain ingest points.
    const other = new MetricsAggregator({ instance: 'b', now: () => clock, logger: { warn: () => {} } });
    const durationsA = Array.from({ length: 600 }, (_, i) => 1 + (i % 200));
    const durationsB = Array.from({ length: 300 }, (_, i) => 500 + i);
    drive(aggregator, '10:00:00', 180, durationsA);
    drive(other, '10:00:00', 180, durationsB, () => 200);
    clock = at('10:03:00').getTime();
    await aggregator.flush(t.db);
    await other.flush(t.db);
    await t.db.insert(productionMetrics).values([
      { metricType: 'queue_depth', endpoint: 'worker-1', metricValue: 7, recordedAt: at('10:00:05') },
      { metricType: 'queue_depth', endpoint: 'worker-1', metricValue: 9, recordedAt: at('10:00:55') },
      { metricType: 'queue_depth', endpoint: 'worker-1', metricValue: 7, recordedAt: at('10:00:30'), metadata: { agg: 1, note: 'not our format' } },
      { metricType: 'queue_depth', endpoint: null, metricValue: 3, recordedAt: at('10:01:30'), metadata: { region: 'eu' } },
    ]);

    const first = await rollUpMetrics(t.db, { now: at('11:00:30') });
    expect(first.minute?.buckets).toBe(5); // three api minutes + two queue_depth series-minutes
    expect(first.hour?.buckets).toBe(3); // api, queue_depth/worker-1, queue_depth/''

    const minutes = await t.db.select().from(metricRollups1m).where(eq(metricRollups1m.metricType, 'api_response_time')).orderBy(asc(metricRollups1m.bucketStart));
    expect(minutes.map((row) => [row.bucketStart.toISOString().slice(11, 16), row.count])).toEqual([
      ['10:00', 300],
      ['10:01', 300],
      ['10:02', 300],
    ]);
    const all = [...durationsA, ...durationsB];
    const [hour] = await t.db.select().from(metricRollups1h).where(eq(metricRollups1h.metricType, 'api_response_time'));
    expect(hour).toMatchObject({ endpoint: 'GET /api/v1/metrics', count: 900, errors: 24, min: 1, max: 799 });
    expect(hour!.bucketStart.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(hour!.sum).toBeCloseTo(all.reduce((a, b) => a + b, 0), 6);
    // The hour's histogram is exactly the merge of every 10-second sketch, and its percentiles
    // are read from it (never averaged), within 1% of the true ones.
    const raw = await t.db.select().from(productionMetrics).where(eq(productionMetrics.metricType, 'api_response_time'));
    const merged: SketchCounts = {};
    for (const row of raw) mergeSketches(merged, (row.metadata as { sketch: SketchCounts }).sketch);
    expect(hour!.histogram).toEqual(merged);
    const expected = sketchPercentiles(merged);
    for (const q of ['p50', 'p95', 'p99'] as const) expect(hour![q]).toBeCloseTo(expected[q]!, 9);
    expect(Math.abs(hour!.p95! - trueQuantile(all, 0.95)) / trueQuantile(all, 0.95)).toBeLessThanOrEqual(0.01);
    expect(hour!.metadata).toEqual({ statuses: { '200': 876, '500': 24 }, lastErrorClass: 'HTTP 500' });

    // Plain points count one each (also one claiming agg without our fields); a null endpoint is ''.
    const queue = await t.db.select().from(metricRollups1m).where(eq(metricRollups1m.metricType, 'queue_depth')).orderBy(asc(metricRollups1m.endpoint));
    expect(queue.map((row) => [row.endpoint, row.count, row.sum, row.min, row.max])).toEqual([
      ['', 1, 3, 3, 3],
      ['worker-1', 3, 23, 7, 9],
    ]);
    const pointSketch: SketchCounts = {};
    addToSketch(pointSketch, 7, 2);
    addToSketch(pointSketch, 9);
    expect(queue[1]!.histogram).toEqual(pointSketch);
    expect(queue[1]!.p99).toBeCloseTo(sketchQuantile(pointSketch, 0.99)!, 9);

    // Running again (or on a second instance) changes nothing.
    const snapshot = async () => ({
      m: await t.db.select().from(metricRollups1m).orderBy(asc(metricRollups1m.metricType), asc(metricRollups1m.endpoint), asc(metricRollups1m.bucketStart)),
      h: await t.db.select().from(metricRollups1h).orderBy(asc(metricRollups1h.metricType), asc(metricRollups1h.endpoint)),
    });
    const before = await snapshot();
    await Promise.all([rollUpMetrics(t.db, { now: at('11:00:30') }), rollUpMetrics(t.db, { now: at('11:01:10') })]);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves the minute in progress alone and counts late points within the lateness window', async () => {
    drive(aggregator, '10:00:00', 60, [10, 20, 30]);
    clock = at('10:01:30').getTime();
    aggregator.record({ kind: 'route', name: 'GET /api/v1/metrics', durationMs: 40, status: 200 });
    clock = at('10:01:40').getTime();
    await aggregator.flush(t.db);

    const early = await rollUpMetrics(t.db, { now: at('10:01:45') });
    expect(early.minute?.to.toISOString()).toBe('2026-03-01T10:01:00.000Z');
    expect(early.hour?.buckets ?? 0).toBe(0); // 10:00–11:00 is not complete
    let rows = await t.db.select().from(metricRollups1m).orderBy(asc(metricRollups1m.bucketStart));
    expect(rows.map((row) => [row.bucketStart.toISOString().slice(11, 16), row.count])).toEqual([['10:00', 3]]);

    // A point for 10:00:30 arrives at 10:07 from an outside service: the next run includes it.
    await t.db.insert(productionMetrics).values({ metricType: 'api_response_time', endpoint: 'GET /api/v1/metrics', metricValue: 1000, recordedAt: at('10:00:30') });
    await rollUpMetrics(t.db, { now: at('10:07:05') });
    rows = await t.db.select().from(metricRollups1m).orderBy(asc(metricRollups1m.bucketStart));
    expect(rows.map((row) => [row.bucketStart.toISOString().slice(11, 16), row.count, row.max])).toEqual([
      ['10:00', 4, 1000],
      ['10:01', 1, 40],
    ]);

    // After 11:00 the hour is complete; a late minute within two hours still changes it.
    await rollUpMetrics(t.db, { now: at('11:00:10') });
    let [hour] = await t.db.select().from(metricRollups1h);
    expect(hour?.count).toBe(5);
    await t.db.insert(productionMetrics).values({ metricType: 'api_response_time', endpoint: 'GET /api/v1/metrics', metricValue: 5, recordedAt: at('10:58:00') });
    await rollUpMetrics(t.db, { now: at('11:05:10') });
    [hour] = await t.db.select().from(metricRollups1h);
    expect(hour).toMatchObject({ count: 6, min: 5 });
  });

  it('is not stopped by outside points whose metadata claims absurd aggregate figures; they count as plain points', async () => {
    // What POST /api/v1/metrics stores as sent: free-form metadata that mimics our buckets.
    const claims = [
      { agg: '1', count: 1e19, errors: 0, sum: 5, min: 1, max: 2, sketch: { '10': 1 } }, // count beyond bigint
      { agg: '1', count: 2, errors: 1e19, sum: 5, min: 1, max: 2, sketch: { '10': 2 } }, // errors beyond bigint
      { agg: '1', count: -4, sum: 5, min: 1, max: 2, sketch: { '10': 1 } }, // negative count
    ];
    await t.db.insert(productionMetrics).values([
      ...claims.map((metadata, i) => ({ metricType: 'outside', endpoint: 'svc', metricValue: 100 + i, recordedAt: at(`10:00:0${i}`), metadata })),
      // A well-formed aggregate whose sketch and statuses carry entries no bucket has: dropped, the rest counts.
      {
        metricType: 'outside',
        endpoint: 'svc',
        metricValue: 0,
        recordedAt: at('10:00:20'),
        metadata: { agg: '1', count: 3, errors: 0, sum: 30, min: 5, max: 15, sketch: { '80': 3, '81': 1e19, '82': '5', '83': 0, '84': -2 }, statuses: { '200': 3, '500': 1e19, '404': '1e400' } },
      },
    ]);

    const result = await rollUpMetrics(t.db, { now: at('10:01:30') });
    expect(result.minute?.buckets).toBe(1);
    const [minute] = await t.db.select().from(metricRollups1m).where(eq(metricRollups1m.metricType, 'outside'));
    // Three plain points (100, 101, 102) plus the valid aggregate's 3 calls.
    expect(minute).toMatchObject({ count: 6, errors: 0, min: 5, max: 102 });
    expect(minute!.sum).toBeCloseTo(100 + 101 + 102 + 30, 9);
    const expected: SketchCounts = { '80': 3 };
    for (const value of [100, 101, 102]) addToSketch(expected, value);
    expect(minute!.histogram).toEqual(expected);
    expect(minute!.metadata).toMatchObject({ statuses: { '200': 3 } });
  });

  it('catches up from the oldest unrolled row after downtime, skipping empty stretches', async () => {
    await t.db.insert(productionMetrics).values([
      { metricType: 'cpu_usage', endpoint: 'process', metricValue: 12.5, recordedAt: new Date('2026-02-20T08:00:10Z') },
      { metricType: 'cpu_usage', endpoint: 'process', metricValue: 50, recordedAt: new Date('2026-02-27T23:59:59Z') },
    ]);
    let runs = 0;
    let last;
    do {
      last = await rollUpMetrics(t.db, { now: at('10:00:00') });
      runs += 1;
    } while (last.minute && last.minute.to.getTime() < at('10:00:00').getTime() && runs < 20);
    expect(runs).toBeLessThan(5);
    const minutes = await t.db.select().from(metricRollups1m).orderBy(asc(metricRollups1m.bucketStart));
    expect(minutes.map((row) => [row.bucketStart.toISOString(), row.count, row.sum])).toEqual([
      ['2026-02-20T08:00:00.000Z', 1, 12.5],
      ['2026-02-27T23:59:00.000Z', 1, 50],
    ]);
    await rollUpMetrics(t.db, { now: at('10:00:00') });
    const hours = await t.db.select().from(metricRollups1h).orderBy(asc(metricRollups1h.bucketStart));
    expect(hours.map((row) => row.bucketStart.toISOString())).toEqual(['2026-02-20T08:00:00.000Z', '2026-02-27T23:00:00.000Z']);
    const sixHours = await t.db.select().from(metricRollups6h).orderBy(asc(metricRollups6h.bucketStart));
    expect(sixHours.map((row) => [row.bucketStart.toISOString(), row.count])).toEqual([
      ['2026-02-20T06:00:00.000Z', 1],
      ['2026-02-27T18:00:00.000Z', 1],
    ]);
  });

  it('rolls complete UTC days from the hours, recomputes a day when a late point changes its last hours, and never writes a day in progress', async () => {
    const point = (iso: string, value: number) => ({ metricType: 'api_response_time', endpoint: 'GET /x', metricValue: value, recordedAt: new Date(iso) });
    await t.db.insert(productionMetrics).values([point('2026-02-28T22:00:05Z', 10), point('2026-02-28T22:30:00Z', 30), point('2026-02-28T23:59:10Z', 50), point('2026-03-01T00:01:00Z', 70)]);

    const first = await rollUpMetrics(t.db, { now: new Date('2026-03-01T00:05:00Z') });
    expect(first.day?.buckets).toBe(1);
    let days = await t.db.select().from(metricRollups1d);
    expect(days.map((row) => [row.bucketStart.toISOString(), row.count, row.sum, row.min, row.max])).toEqual([['2026-02-28T00:00:00.000Z', 3, 90, 10, 50]]);

    // A point for 23:58:30 arrives six minutes after midnight: minute, hour and day all count it.
    await t.db.insert(productionMetrics).values(point('2026-02-28T23:58:30Z', 5));
    await rollUpMetrics(t.db, { now: new Date('2026-03-01T00:06:10Z') });
    days = await t.db.select().from(metricRollups1d);
    expect(days.map((row) => [row.bucketStart.toISOString(), row.count, row.min])).toEqual([['2026-02-28T00:00:00.000Z', 4, 5]]);
    // The day's sketch is exactly the merge of its hours' sketches, and its percentiles come from it.
    const hours = await t.db.select().from(metricRollups1h).where(eq(metricRollups1h.endpoint, 'GET /x'));
    const merged: SketchCounts = {};
    for (const hour of hours.filter((row) => row.bucketStart < new Date('2026-03-01T00:00:00Z'))) mergeSketches(merged, hour.histogram ?? {});
    expect(days[0]!.histogram).toEqual(merged);
    expect(days[0]!.p95).toBeCloseTo(sketchPercentiles(merged).p95!, 9);

    // Later runs in the day leave the finished day alone and never write the day in progress.
    const later = await rollUpMetrics(t.db, { now: new Date('2026-03-01T10:00:30Z') });
    expect(later.day).toBeUndefined();
    const snapshot = await t.db.select().from(metricRollups1d).orderBy(asc(metricRollups1d.bucketStart));
    expect(snapshot.map((row) => row.bucketStart.toISOString())).toEqual(['2026-02-28T00:00:00.000Z']);
    await Promise.all([rollUpMetrics(t.db, { now: new Date('2026-03-01T00:07:00Z') }), rollUpMetrics(t.db, { now: new Date('2026-03-01T00:07:30Z') })]);
    expect(await t.db.select().from(metricRollups1d).orderBy(asc(metricRollups1d.bucketStart))).toEqual(snapshot);

    // The next midnight completes 1 March.
    await rollUpMetrics(t.db, { now: new Date('2026-03-02T00:03:00Z') });
    days = await t.db.select().from(metricRollups1d).orderBy(asc(metricRollups1d.bucketStart));
    expect(days.map((row) => [row.bucketStart.toISOString(), row.count])).toEqual([
      ['2026-02-28T00:00:00.000Z', 4],
      ['2026-03-01T00:00:00.000Z', 1],
    ]);
  });

  it('rolls complete 6-hour buckets (UTC) from the hours, recomputes one when a late point changes its last hours, and never writes one in progress', async () => {
    const point = (iso: string, value: number) => ({ metricType: 'api_response_time', endpoint: 'GET /x', metricValue: value, recordedAt: new Date(iso) });
    await t.db.insert(productionMetrics).values([point('2026-03-01T12:20:00Z', 7), point('2026-03-01T16:00:05Z', 10), point('2026-03-01T17:30:00Z', 30), point('2026-03-01T17:59:10Z', 50), point('2026-03-01T18:01:00Z', 70)]);
    const sixHours = () => t.db.select().from(metricRollups6h).orderBy(asc(metricRollups6h.bucketStart));

    const first = await rollUpMetrics(t.db, { now: at('18:05:00') });
    expect(first.sixHour).toMatchObject({ from: at('12:00:00'), to: at('18:00:00'), buckets: 1 });
    expect((await sixHours()).map((row) => [row.bucketStart.toISOString(), row.count, row.sum, row.min, row.max])).toEqual([['2026-03-01T12:00:00.000Z', 4, 97, 7, 50]]);

    // A point for 17:58:30 arrives six minutes after 18:00: minute, hour and 6-hour bucket all count it.
    await t.db.insert(productionMetrics).values(point('2026-03-01T17:58:30Z', 5));
    const late = await rollUpMetrics(t.db, { now: at('18:06:10') });
    expect(late.sixHour?.from).toEqual(at('12:00:00'));
    let rows = await sixHours();
    expect(rows.map((row) => [row.bucketStart.toISOString(), row.count, row.min])).toEqual([['2026-03-01T12:00:00.000Z', 5, 5]]);
    // The bucket is exactly the merge of its hours: sketch, counts and the percentiles read from it.
    const hours = (await t.db.select().from(metricRollups1h).where(eq(metricRollups1h.endpoint, 'GET /x'))).filter((row) => row.bucketStart < at('18:00:00'));
    expect(hours).toHaveLength(3);
    const merged: SketchCounts = {};
    for (const hour of hours) mergeSketches(merged, hour.histogram ?? {});
    expect(rows[0]!.histogram).toEqual(merged);
    expect(rows[0]).toMatchObject({
      count: hours.reduce((total, hour) => total + hour.count, 0),
      sum: hours.reduce((total, hour) => total + hour.sum, 0),
      min: Math.min(...hours.map((hour) => hour.min)),
      max: Math.max(...hours.map((hour) => hour.max)),
    });
    expect(rows[0]!.p50).toBeCloseTo(sketchPercentiles(merged).p50!, 9);
    expect(rows[0]!.p95).toBeCloseTo(sketchPercentiles(merged).p95!, 9);

    // Once its hours are final (2 hours after it ends) a run leaves it alone, and the bucket in
    // progress is never written; concurrent runs change nothing.
    const later = await rollUpMetrics(t.db, { now: at('20:00:30') });
    expect(later.hour).toBeDefined();
    expect(later.sixHour).toBeUndefined();
    const snapshot = await sixHours();
    expect(snapshot.map((row) => row.bucketStart.toISOString())).toEqual(['2026-03-01T12:00:00.000Z']);
    await Promise.all([rollUpMetrics(t.db, { now: at('18:07:00') }), rollUpMetrics(t.db, { now: at('18:07:30') })]);
    expect(await sixHours()).toEqual(snapshot);

    // The next midnight completes 18:00–24:00 and the day, which equals its four 6-hour buckets merged.
    await rollUpMetrics(t.db, { now: new Date('2026-03-02T00:03:00Z') });
    rows = await sixHours();
    expect(rows.map((row) => [row.bucketStart.toISOString(), row.count])).toEqual([
      ['2026-03-01T12:00:00.000Z', 5],
      ['2026-03-01T18:00:00.000Z', 1],
    ]);
    const [day] = await t.db.select().from(metricRollups1d).where(eq(metricRollups1d.endpoint, 'GET /x'));
    const fromSixHours: SketchCounts = {};
    for (const row of rows) mergeSketches(fromSixHours, row.histogram ?? {});
    expect(day).toMatchObject({ count: 6, min: 5, max: 70, histogram: fromSixHours });
  });

  it('rolls a range of 6-hour buckets or days with the job\'s statement for writers that fill the hourly table themselves', async () => {
    const hour = (iso: string, value: number) => ({
      metricType: 'api_response_time',
      endpoint: 'GET /y',
      bucketStart: new Date(iso),
      count: 2,
      errors: 1,
      sum: 2 * value,
      min: value,
      max: value,
      histogram: { [String(value)]: 2 },
      metadata: { lastErrorClass: `E${value}` },
    });
    await t.db.insert(metricRollups1h).values([hour('2026-03-01T05:00:00Z', 10), hour('2026-03-01T06:00:00Z', 20), hour('2026-03-01T11:00:00Z', 30), hour('2026-03-01T12:00:00Z', 40)]);
    expect(await rollUpRangeFromHours(t.db, 'sixHour', at('00:00:00'), at('12:00:00'))).toBe(2);
    const rows = await t.db.select().from(metricRollups6h).orderBy(asc(metricRollups6h.bucketStart));
    expect(rows.map((row) => [row.bucketStart.toISOString(), row.count, row.errors, row.sum, row.min, row.max, row.metadata])).toEqual([
      ['2026-03-01T00:00:00.000Z', 2, 1, 20, 10, 10, { lastErrorClass: 'E10' }],
      ['2026-03-01T06:00:00.000Z', 4, 2, 100, 20, 30, { lastErrorClass: 'E30' }],
    ]);
    expect(await rollUpRangeFromHours(t.db, 'day', at('00:00:00'), new Date('2026-03-02T00:00:00Z'))).toBe(1);
    await expect(rollUpRangeFromHours(t.db, 'sixHour', at('01:00:00'), at('12:00:00'))).rejects.toThrow(/multiples/);
  });
});
