import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { DbSampler } from './db-metrics';
import type { MetricRow } from './rows';

describe('database metrics', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it('measures the round trip everywhere, and connections and pg_stat_database figures on Postgres', async () => {
    const rows: MetricRow[] = [];
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const sampler = new DbSampler({ instance: 'i1', database: async () => t, poolMax: 7, emit: (batch) => rows.push(...batch), now: () => clock });
    await sampler.sample();
    if (t.kind === 'postgres') {
      // Real work between the samples. A backend reports its statistics at most once a second,
      // so wait past that and end one more transaction before the second sample.
      await t.db.execute(sql`select count(*) from production_metrics`);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await t.db.execute(sql`select count(*) from users`);
    }
    clock += 60_000;
    const second = await sampler.sample();
    const names = (from: number) => rows.slice(from).map((row) => `${row.metricType}/${row.endpoint}`).sort();
    const roundTrips = rows.filter((row) => row.endpoint === 'db:round_trip');
    expect(roundTrips).toHaveLength(2);
    expect(roundTrips.every((row) => row.metricValue >= 0 && row.metadata.instance === 'i1')).toBe(true);
    if (t.kind === 'pglite') {
      // The embedded database answers only the round trip; the rest is simply not written.
      expect(names(0)).toEqual(['db_query_time/db:round_trip', 'db_query_time/db:round_trip']);
      return;
    }
    const secondStart = rows.indexOf(roundTrips[1]!);
    // The first sample has no previous one to take deltas from: size only.
    expect(rows.slice(0, secondStart).map((row) => `${row.metricType}/${row.endpoint}`).sort()).toEqual([
      'db_connections/db:active', 'db_connections/db:idle', 'db_connections/db:max', 'db_connections/db:total',
      'db_query_time/db:round_trip', 'db_stat/db_size_bytes',
    ]);
    expect(names(secondStart)).toEqual(expect.arrayContaining(['db_stat/xact_commit_per_s', 'db_stat/xact_rollback_per_s', 'db_stat/deadlocks', 'db_stat/cache_hit_ratio']));
    expect(second?.connections).toMatchObject({ max: 7 });
    // This test's own pool holds at least one connection to its database.
    expect(second!.connections!.total).toBeGreaterThanOrEqual(1);
    expect(second!.stats!.dbSizeBytes).toBeGreaterThan(1_000_000);
    expect(second!.stats!.cacheHitRatio).toBeGreaterThanOrEqual(0);
    expect(second!.stats!.cacheHitRatio).toBeLessThanOrEqual(1);
  });

  it('logs a failing database once and writes nothing', async () => {
    const warn: string[] = [];
    const rows: MetricRow[] = [];
    const sampler = new DbSampler({
      instance: 'i1',
      database: async () => Promise.reject(new Error('connection refused')),
      poolMax: 1,
      emit: (batch) => rows.push(...batch),
      logger: { warn: (message: string) => warn.push(message) },
    });
    expect(await sampler.sample()).toBeUndefined();
    expect(await sampler.sample()).toBeUndefined();
    expect(rows).toEqual([]);
    expect(warn).toEqual(['[metrics] database sample failed: connection refused']);
  });
});
