import { lt } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { metricRollups1d, metricRollups1h, metricRollups1m, metricRollups6h, monitors, productionMetrics } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { insertMonitorChecks } from '../monitors/checks';
import { loadDashboard, warmClosedSteps } from './load-dashboard';
import type { RangeKey } from './ranges';
import { sketchQuantile } from '../metrics/sketch';
import { StepCache } from './step-cache';
import { range, rawAggRow, rawPoint, repeat, rollupRow, type RawInsert, type RollupInsert } from './test-rows';

// Every test reads "now" = 12:34:25 UTC. The minute rollups then reach 12:33 (their latest
// bucket is 12:32) and the hourly ones 12:00 (latest bucket 11:00), unless a test says otherwise.
const NOW = new Date('2026-03-01T12:34:25Z');
const at = (time: string, day = '2026-03-01') => new Date(`${day}T${time}Z`);
const MIN = 60_000;
const minutes = (from: string, count: number) => Array.from({ length: count }, (_, i) => new Date(at(from).getTime() + i * MIN));
const tenSeconds = (from: string, count: number) => Array.from({ length: count }, (_, i) => new Date(at(from).getTime() + i * 10_000));

/** Within the sketch's ±1 %. */
function expectNear(actual: number | null | undefined, expected: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected) / expected).toBeLessThanOrEqual(0.0101);
}

describe('loadDashboard', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  const insert = {
    m: (rows: RollupInsert[]) => t.db.insert(metricRollups1m).values(rows),
    h: (rows: RollupInsert[]) => t.db.insert(metricRollups1h).values(rows),
    q: (rows: RollupInsert[]) => t.db.insert(metricRollups6h).values(rows),
    d: (rows: RollupInsert[]) => t.db.insert(metricRollups1d).values(rows),
    raw: (rows: RawInsert[]) => t.db.insert(productionMetrics).values(rows),
  };
  const load = (range: RangeKey, extra: Partial<Parameters<typeof loadDashboard>[1]> = {}) =>
    loadDashboard(t.db, { range, now: NOW, databaseKind: t.kind, ...extra });
  const calls = (dashboard: Awaited<ReturnType<typeof load>>, endpoint = 'GET /a') => dashboard.endpoints.find((row) => row.endpoint === endpoint)?.calls ?? 0;

  it('reads minute rollups for 15 min and 1 h, hourly ones for 24 h and longer, each plus the raw tail', async () => {
    // Deliberately different figures in each table, so the count says which table answered.
    await insert.h([rollupRow('api_response_time', 'GET /a', at('10:00:00'), { values: repeat(50, 100) }), rollupRow('api_response_time', 'GET /a', at('11:00:00'), { values: repeat(50, 100) })]);
    await insert.m(minutes('10:00:00', 153).map((bucket) => rollupRow('api_response_time', 'GET /a', bucket, { values: [20] })));
    await insert.raw(tenSeconds('12:33:00', 8).map((time) => rawAggRow('api_response_time', 'GET /a', time, { values: [5] })));

    const fifteen = await load('15m');
    expect(fifteen.sources).toEqual(['1m', 'raw']);
    expect(fifteen.current.from).toBe(at('12:20:00').getTime());
    expect(calls(fifteen)).toBe(13 + 8); // minutes 12:20–12:32, then raw from 12:33

    const hour = await load('1h');
    expect(hour.sources).toEqual(['1m', 'raw']);
    expect(hour.current.from).toBe(at('11:36:00').getTime());
    expect(calls(hour)).toBe(57 + 8); // the hourly 11:00 row (100 calls) is not read

    for (const range of ['24h', '7d', '30d'] as const) {
      const long = await load(range);
      expect(long.sources, range).toEqual(['1h', '1m', 'raw']);
      // 10:00 and 11:00 from the hourly table, 12:00–12:32 from minutes, then raw.
      expect(calls(long), range).toBe(200 + 33 + 8);
    }
    expect(calls(await load('24h', { rawOnly: true }))).toBe(8);

    // Once daily rollups exist, 30 days reads whole days from them and today from the finer tables.
    await insert.d([rollupRow('api_response_time', 'GET /a', at('00:00:00', '2026-02-27'), { values: repeat(50, 1000) }), rollupRow('api_response_time', 'GET /a', at('00:00:00', '2026-02-28'), { values: repeat(50, 1000) })]);
    const month = await load('30d');
    expect(month.sources).toEqual(['1d', '1h', '1m', 'raw']);
    expect(calls(month)).toBe(2000 + 200 + 33 + 8);
    expect(month.series.find((point) => point.at === at('00:00:00', '2026-02-28').getTime())?.count).toBe(1000);
    // The 7-day range never reads days (they do not divide its 6-hour steps).
    expect((await load('7d')).sources).toEqual(['1h', '1m', 'raw']);

    // Once 6-hour rollups exist, 7 days reads them up to their boundary (06:00), then the hours
    // since; 30 days reads today's 6-hour bucket after its days; 24 hours stays on the hours.
    await insert.q([
      rollupRow('api_response_time', 'GET /a', at('18:00:00', '2026-02-28'), { values: repeat(50, 300) }),
      rollupRow('api_response_time', 'GET /a', at('00:00:00'), { values: repeat(50, 400) }),
    ]);
    const week = await load('7d');
    expect(week.sources).toEqual(['6h', '1h', '1m', 'raw']);
    expect(calls(week)).toBe(300 + 400 + 200 + 33 + 8);
    expect(week.series.find((point) => point.at === at('00:00:00').getTime())?.count).toBe(400);
    const monthAgain = await load('30d');
    expect(monthAgain.sources).toEqual(['1d', '6h', '1h', '1m', 'raw']);
    expect(calls(monthAgain)).toBe(2000 + 400 + 200 + 33 + 8);
    const day = await load('24h');
    expect(day.sources).toEqual(['1h', '1m', 'raw']);
    expect(calls(day)).toBe(200 + 33 + 8);
  });

  it('merges rollups and the raw tail without counting an instant twice, and percentiles come from merged sketches', async () => {
    // 1..1000 ms, one call each: 1–500 in the hourly 09:00 bucket, 501–900 in four minute
    // buckets from 10:00, 901–1000 in raw rows after the minute rollups' boundary (10:04).
    await insert.h([rollupRow('api_response_time', 'GET /a', at('09:00:00'), { values: range(1, 500) })]);
    await insert.m(minutes('10:00:00', 4).map((bucket, i) => rollupRow('api_response_time', 'GET /a', bucket, { values: range(501 + i * 100, 600 + i * 100) })));
    // Raw rows are kept after they are rolled: these repeat the minute buckets and must not count.
    await insert.raw(tenSeconds('10:00:00', 24).map((time, i) => rawAggRow('api_response_time', 'GET /a', time, { values: range(501 + Math.floor((i * 400) / 24), 500 + Math.floor(((i + 1) * 400) / 24)) })));
    await insert.raw(tenSeconds('10:04:00', 10).map((time, i) => rawAggRow('api_response_time', 'GET /a', time, { values: range(901 + i * 10, 910 + i * 10) })));

    const dashboard = await load('24h');
    const row = dashboard.endpoints.find((r) => r.endpoint === 'GET /a')!;
    expect(row.calls).toBe(1000);
    expect(row.meanMs).toBeCloseTo(500.5, 6);
    // Nearest rank of 1..1000: p50 = 500, p95 = 950, p99 = 990 (averaging the tiers' own p95s would say ~ 740).
    expectNear(row.p50, 500);
    expectNear(row.p95, 950);
    expectNear(row.p99, 990);
    expectNear(dashboard.tiles.p95LatencyMs.current, 950);
    const nine = dashboard.series.find((point) => point.at === at('09:00:00').getTime())!;
    const ten = dashboard.series.find((point) => point.at === at('10:00:00').getTime())!;
    expect(nine.count).toBe(500);
    expect(ten.count).toBe(500);
    expectNear(ten.p50, 750);
  });

  it('derives error rate and throughput per step, the open step over the part that has passed', async () => {
    await insert.m(minutes('12:20:00', 13).map((bucket) => rollupRow('api_response_time', 'GET /a', bucket, { values: repeat(40, 600), errors: 6 })));
    await insert.raw(tenSeconds('12:33:00', 6).map((time) => rawAggRow('api_response_time', 'GET /a', time, { values: repeat(40, 10), errors: 1 })));
    // The latest flushed bucket (12:34:10) is on the dashboard at 12:34:25.
    await insert.raw(tenSeconds('12:34:00', 2).map((time) => rawAggRow('api_response_time', 'GET /a', time, { values: repeat(40, 50) })));

    const { series, tiles } = await load('15m');
    expect(series).toHaveLength(15);
    expect(series[0]).toMatchObject({ at: at('12:20:00').getTime(), count: 600, errors: 6, errorRate: 0.01, throughput: 10 });
    expect(series[13]).toMatchObject({ at: at('12:33:00').getTime(), count: 60, errors: 6, errorRate: 0.1, throughput: 1 });
    // 100 calls in the 20 s of 12:34 that can have been flushed.
    expect(series[14]).toMatchObject({ at: at('12:34:00').getTime(), count: 100, errors: 0, errorRate: 0, throughput: 5 });
    expect(tiles.errorRate.current).toBeCloseTo(84 / 7960, 12);
    expect(tiles.throughputPerS.current).toBeCloseTo(7960 / (14 * 60 + 20), 12);
    // Nothing in the 15 minutes before.
    expect(tiles.errorRate.previous).toBeNull();
    expect(tiles.throughputPerS.previous).toBe(0);
  });

  it('compares every headline figure with the period of the same length before', async () => {
    // 1 h range: current 11:36–now, previous 10:36–11:36.
    const previous = minutes('10:36:00', 60);
    const current = minutes('11:36:00', 57); // up to the minute rollups' boundary, 12:33
    await insert.m([
      ...previous.map((bucket) => rollupRow('api_response_time', 'GET /a', bucket, { values: repeat(100, 120) })),
      ...current.map((bucket) => rollupRow('api_response_time', 'GET /a', bucket, { values: repeat(200, 60), errors: 3 })),
      ...previous.map((bucket) => rollupRow('memory_usage', 'process:rss', bucket, { values: repeat(100e6, 6) })),
      ...current.map((bucket) => rollupRow('memory_usage', 'process:rss', bucket, { values: repeat(200e6, 6) })),
      ...previous.map((bucket) => rollupRow('db_query_time', 'db:round_trip', bucket, { values: [2] })),
      ...current.map((bucket) => rollupRow('db_query_time', 'db:round_trip', bucket, { values: [4] })),
    ]);
    // CPU only in the raw tail (not rolled yet): 50 % and 70 %.
    await insert.raw([rawPoint('cpu_usage', 'process', at('12:33:00'), 50), rawPoint('cpu_usage', 'process', at('12:34:00'), 70)]);
    const [monitor] = await t.db.insert(monitors).values({ name: 'API', url: 'https://api.example.com' }).returning();
    await insertMonitorChecks(t.db, [
      ...previous.map((checkedAt, i) => ({ monitorId: monitor!.id, checkedAt, status: i < 6 ? ('down' as const) : ('up' as const) })),
      ...current.map((checkedAt, i) => ({ monitorId: monitor!.id, checkedAt, status: i === 0 ? ('degraded' as const) : ('up' as const) })),
    ]);

    const { tiles } = await load('1h');
    expectNear(tiles.p95LatencyMs.current, 200);
    expectNear(tiles.p95LatencyMs.previous, 100);
    expect(tiles.errorRate).toEqual({ current: 0.05, previous: 0 });
    // 57 × 60 calls over 29 whole 2-minute steps and 20 s of the open one; 7,200 over an hour.
    expect(tiles.throughputPerS.current).toBeCloseTo(3420 / 3500, 12);
    expect(tiles.throughputPerS.previous).toBeCloseTo(2, 12);
    expect(tiles.memoryRssBytes).toEqual({ current: 200e6, previous: 100e6 });
    expect(tiles.dbRoundTripMs).toEqual({ current: 4, previous: 2 });
    expect(tiles.cpuPercent).toEqual({ current: 60, previous: null });
    // Degraded still answered: 57 of 57; before, 54 of 60.
    expect(tiles.uptime.current).toBe(1);
    expect(tiles.uptime.previous).toBeCloseTo(0.9, 12);
  });

  it('lists every endpoint and job with percentiles, error %, calls and the last error class and time', async () => {
    // A route rolled into minutes; its raw rows (kept after the rollup) say which error it was.
    await insert.m([
      rollupRow('api_response_time', 'GET /api/v1/metrics', at('12:30:00'), { values: range(1, 100) }),
      rollupRow('api_response_time', 'GET /api/v1/metrics', at('12:31:00'), { values: range(1, 100), errors: 2 }),
      rollupRow('job_duration', 'housekeeping', at('12:30:00'), { values: [1500] }),
    ]);
    await insert.raw([
      rawAggRow('api_response_time', 'GET /api/v1/metrics', at('12:31:10'), { values: range(1, 50), errors: 1, lastErrorClass: 'HTTP 503' }),
      rawAggRow('api_response_time', 'GET /api/v1/metrics', at('12:31:20'), { values: range(51, 100), errors: 1, lastErrorClass: 'TimeoutError' }),
      rawAggRow('api_response_time', 'action:settings/users#createUser', at('12:33:40'), { values: [80, 120], errors: 1, lastErrorClass: 'ZodError' }),
      // An outside service's plain point: one observation of its value.
      rawPoint('api_response_time', 'checkout', at('12:33:50'), 250, { region: 'eu' }),
    ]);
    // An error only an hourly rollup remembers (its raw rows are past retention), and one whose
    // minute the minute rollups still know.
    await insert.h([
      rollupRow('job_duration', 'audit-verify', at('03:00:00'), { values: [9000, 11000], errors: 1 }),
      rollupRow('job_duration', 'nightly-export', at('04:00:00'), { values: [500, 700], errors: 1, lastErrorClass: 'HTTP 500' }),
    ]);
    await insert.m([rollupRow('job_duration', 'nightly-export', at('04:17:00'), { values: [700], errors: 1 })]);

    const hour = await load('1h');
    expect(hour.endpoints.map((row) => [row.kind, row.endpoint, row.calls])).toEqual([
      ['route', 'GET /api/v1/metrics', 200],
      ['action', 'action:settings/users#createUser', 2],
      ['job', 'housekeeping', 1],
      ['other', 'checkout', 1],
    ]);
    const route = hour.endpoints[0]!;
    expect(route.errors).toBe(2);
    expect(route.errorRate).toBe(0.01);
    expectNear(route.p50, 50);
    expectNear(route.p95, 95);
    expectNear(route.p99, 99);
    expect(route.lastError).toEqual({ at: at('12:31:20').getTime(), exact: true, className: 'TimeoutError' });
    expect(hour.endpoints[1]!.lastError).toEqual({ at: at('12:33:40').getTime(), exact: true, className: 'ZodError' });
    expect(hour.endpoints[2]!.lastError).toBeNull();
    expectNear(hour.endpoints[3]!.p50, 250);

    const day = await load('24h');
    const job = day.endpoints.find((row) => row.endpoint === 'audit-verify')!;
    expect(job).toMatchObject({ kind: 'job', calls: 2, errors: 1, errorRate: 0.5, meanMs: 10_000 });
    expect(job.lastError).toEqual({ at: at('03:00:00').getTime(), exact: false, className: null });
    const exportJob = day.endpoints.find((row) => row.endpoint === 'nightly-export')!;
    // Counted once (from the hourly row); the minute row only narrows down when.
    expect(exportJob.calls).toBe(2);
    expect(exportJob.lastError).toEqual({ at: at('04:17:00').getTime(), exact: false, className: 'HTTP 500' });
  });

  it('shows database figures, and says which ones the embedded database cannot answer', async () => {
    await insert.raw([rawPoint('db_query_time', 'db:round_trip', at('12:33:00'), 1.5), rawPoint('db_query_time', 'db:round_trip', at('12:34:00'), 2.5)]);
    for (const kind of ['pglite', 'postgres'] as const) {
      const { database } = await load('15m', { databaseKind: kind });
      expect(database.roundTripAvgMs).toEqual({ state: 'value', value: 2 });
      expect(database.roundTripLatestMs).toEqual({ state: 'value', value: 2.5, at: at('12:34:00').getTime() });
      const absent = kind === 'pglite' ? { state: 'unavailable' } : { state: 'none' };
      for (const reading of [database.cacheHitRatio, database.commitsPerS, database.deadlocks, database.sizeBytes, database.activeConnections]) {
        expect(reading).toEqual(absent);
      }
    }

    await insert.raw([
      ...['12:33:00', '12:34:00'].flatMap((time, i) => [
        rawPoint('db_stat', 'cache_hit_ratio', at(time), [0.98, 0.96][i]!),
        rawPoint('db_stat', 'xact_commit_per_s', at(time), [10, 20][i]!),
        rawPoint('db_stat', 'xact_rollback_per_s', at(time), [0, 1][i]!),
        rawPoint('db_stat', 'deadlocks', at(time), [1, 2][i]!),
        rawPoint('db_stat', 'db_size_bytes', at(time), [8e6, 9e6][i]!),
        rawPoint('db_connections', 'db:active', at(time), [3, 4][i]!),
        rawPoint('db_connections', 'db:max', at(time), 10),
      ]),
    ]);
    const { database } = await load('15m', { databaseKind: 'postgres' });
    expect(database.cacheHitRatio).toEqual({ state: 'value', value: 0.97 });
    expect(database.commitsPerS).toEqual({ state: 'value', value: 15 });
    expect(database.rollbacksPerS).toEqual({ state: 'value', value: 0.5 });
    expect(database.deadlocks).toEqual({ state: 'value', value: 3 });
    expect(database.sizeBytes).toMatchObject({ state: 'value', value: 9e6 });
    expect(database.activeConnections).toMatchObject({ state: 'value', value: 4 });
    expect(database.maxConnections).toMatchObject({ state: 'value', value: 10 });
    expect(database.idleConnections).toEqual({ state: 'none' });
  });

  it('keeps closed steps in the cache and still reads the open step and the raw tail on every load', async () => {
    await insert.h(
      Array.from({ length: 30 }, (_, i) => rollupRow('api_response_time', 'GET /a', new Date(at('11:00:00').getTime() - i * 3_600_000), { values: repeat(30, 10) })),
    );
    await insert.raw([rawAggRow('api_response_time', 'GET /a', at('12:30:00'), { values: repeat(30, 5) })]);
    const cache = new StepCache();
    const uncached = await load('24h');
    const first = await load('24h', { cache });
    expect(first).toEqual(uncached);
    // Final: the hourly steps that end before 10:00 (the rollup job still recomputes the two
    // hours before its boundary, 12:00), of this period and the previous one (21 + 24), and
    // the two runs of them merged.
    expect(cache.size).toBe(45 + 2);
    // Warming a cache (after a page is sent) fills exactly the same closed steps and runs.
    const warmed = new StepCache();
    await warmClosedSteps(t.db, { range: '24h', now: NOW, cache: warmed });
    expect(warmed.size).toBe(45 + 2);
    expect(await load('24h', { cache: warmed })).toEqual(uncached);

    // A closed step never changes, so the cache answers for it; new raw rows still count.
    await t.db.update(metricRollups1h).set({ count: 999 }).where(lt(metricRollups1h.bucketStart, at('10:00:00')));
    await insert.raw([rawAggRow('api_response_time', 'GET /a', at('12:34:10'), { values: repeat(30, 7) })]);
    const second = await load('24h', { cache });
    expect(calls(second)).toBe(calls(first) + 7);
    expect(cache.hits).toBe(45 + 2);
  });

  it('caches the 7-day steps read from 6-hour rollups once their hours are final, never the newest bucket', async () => {
    const SIX_HOURS = 6 * 3_600_000;
    // 6-hour buckets for both periods, the newest 06:00–12:00 (boundary 12:00), 10 calls each.
    await insert.q(
      Array.from({ length: 56 }, (_, i) => rollupRow('api_response_time', 'GET /a', new Date(at('06:00:00').getTime() - i * SIX_HOURS), { values: repeat(30, 10) })),
    );
    const cache = new StepCache();
    const uncached = await load('7d');
    expect(uncached.sources).toEqual(['6h', 'raw']);
    const first = await load('7d', { cache });
    expect(first).toEqual(uncached);
    // The 06:00 bucket's last hours can still change until 14:00 (the hourly lateness), so
    // its step is read each time: 26 closed steps now, all 28 of the previous period, 2 runs.
    expect(cache.size).toBe(26 + 28 + 2);
    const warmed = new StepCache();
    await warmClosedSteps(t.db, { range: '7d', now: NOW, cache: warmed });
    expect(warmed.size).toBe(26 + 28 + 2);

    await t.db.update(metricRollups6h).set({ count: 999 });
    const second = await load('7d', { cache });
    expect(second.series.find((point) => point.at === at('06:00:00').getTime())?.count).toBe(999);
    expect(second.series.find((point) => point.at === at('00:00:00').getTime())?.count).toBe(10);
    expect(calls(second)).toBe(calls(first) - 10 + 999);
  });

  it('is not thrown off by odd metadata from outside services', async () => {
    await insert.raw([
      rawPoint('api_response_time', 'GET /odd', at('12:33:00'), 40, { agg: 1, count: 'many', sketch: 'nope' }),
      rawPoint('api_response_time', 'GET /odd', at('12:33:10'), 60, { agg: 1, count: 2, sum: 'x', min: 1, max: 2, sketch: { '300': 2 } }),
      rawPoint('api_response_time', 'GET /odd', at('12:33:20'), 30, { agg: '1', count: 2, sum: 60, min: 20, max: 40, sketch: { '300': 'x', '310': 2, other: 5 } }),
    ]);
    const row = (await load('15m')).endpoints.find((r) => r.endpoint === 'GET /odd')!;
    // As the rollup job counts them: the first two are single observations of 40 and 60 (not
    // well-formed aggregates), the third counts 2 calls with only its well-formed sketch entry.
    expect(row.calls).toBe(4);
    expect(row.meanMs).toBeCloseTo((40 + 60 + 60) / 4, 9);

    // Sketch entries the rollup job skips never reach a percentile: keys other than 'z' or
    // 1–6 digits with an optional minus, counts that are not numbers above zero.
    await insert.raw([
      rawPoint('api_response_time', 'GET /odd-keys', at('12:33:00'), 10, {
        agg: 1,
        count: 2,
        sum: 20,
        min: 0,
        max: 20,
        sketch: { z: 1, '150': 1, '1234567': 9, '-3x': 9, ' 160': 9, '+160': 9, '160.0': 9, Z: 9, '151': 0, '152': -4, '153': '3' },
      }),
    ]);
    const odd = (await load('15m')).endpoints.find((r) => r.endpoint === 'GET /odd-keys')!;
    expect(odd.calls).toBe(2);
    expect(odd.p50).toBe(0);
    expect(odd.p99).toBeCloseTo(sketchQuantile({ '150': 1 }, 1)!, 9);
  });

  it('tells an empty console from a quiet range', async () => {
    const empty = await load('15m');
    expect(empty.hasAnyMetrics).toBe(false);
    expect(empty.series.every((point) => point.count === 0 && point.p95 === null)).toBe(true);
    await insert.h([rollupRow('api_response_time', 'GET /a', at('03:00:00', '2026-01-01'), { values: [1] })]);
    const quiet = await load('15m');
    expect(quiet.hasAnyMetrics).toBe(true);
    expect(quiet.endpoints).toEqual([]);
  });
});
