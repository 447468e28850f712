import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { MetricsAggregator } from '../metrics/aggregator';
import { EventCounters } from '../metrics/counters';
import { DbAdjustments } from './adjustments';
import { RateLimiter } from './limiter';
import { MemoryStore } from './memory-store';
import { POLICIES } from './policies';
import { evaluateThrottle, listThrottleState } from './throttle';

describe('dynamic throttling with a fake clock', () => {
  let t: TestDb;
  let clock = Date.UTC(2026, 4, 1, 12, 0, 0);
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  /** A minute of traffic on the ingest route through the real aggregator into production_metrics. */
  async function traffic(calls: number, failing: number, durationMs: number): Promise<void> {
    const aggregator = new MetricsAggregator({ instance: 'test', now: () => clock, logger: { warn: () => {} } });
    for (let i = 0; i < calls; i++) aggregator.record({ kind: 'route', name: 'POST /api/v1/metrics', durationMs, status: i < failing ? 500 : 202 });
    await aggregator.flush(t.db, { final: true });
  }

  async function tick(): Promise<ReturnType<typeof evaluateThrottle>> {
    clock += 60_000;
    return evaluateThrottle(t.db, new Date(clock));
  }

  it('tightens while the error rate breaches, relaxes after healthy runs, audits every change, and the limiter applies it', async () => {
    await traffic(100, 20, 50);
    expect(await tick()).toEqual([expect.objectContaining({ group: 'ingest', from: 1, to: 0.5, action: 'tighten', reason: 'error_rate' })]);
    await traffic(100, 20, 50);
    expect(await tick()).toEqual([expect.objectContaining({ group: 'ingest', from: 0.5, to: 0.25 })]);

    const limiter = new RateLimiter({ store: new MemoryStore(), adjustments: new DbAdjustments(async () => t.db), counters: new EventCounters(() => {}) });
    const outcome = await limiter.check(POLICIES.ingest, { type: 'api_key', id: 'k' }, clock);
    expect(outcome).toMatchObject({ effectiveLimit: 150, throttleFactor: 0.25 });

    // Five minutes later the bad minutes have left the window: healthy traffic only.
    clock += 5 * 60_000;
    for (let run = 0; run < 2; run++) {
      await traffic(100, 0, 20);
      expect(await tick()).toEqual([]);
    }
    await traffic(100, 0, 20);
    expect(await tick()).toEqual([expect.objectContaining({ group: 'ingest', from: 0.25, to: 0.5, action: 'relax' })]);
    for (let run = 0; run < 3; run++) {
      await traffic(100, 0, 20);
      await tick();
    }
    expect((await listThrottleState(t.db)).find((s) => s.policyGroup === 'ingest')).toMatchObject({ factor: 1 });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.targetType, 'policy_group')).orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual(['throttle.tighten', 'throttle.tighten', 'throttle.relax', 'throttle.relax']);
  });

  it('tightens on p95 over the level, and ignores a trickle of calls', async () => {
    clock += 10 * 60_000;
    await traffic(5, 5, 10);
    expect(await tick()).toEqual([]);
    clock += 10 * 60_000;
    await traffic(50, 0, 5_000);
    expect(await tick()).toEqual([expect.objectContaining({ group: 'ingest', action: 'tighten', reason: 'p95' })]);
  });
});
