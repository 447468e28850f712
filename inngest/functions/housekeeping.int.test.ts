import { InngestTestEngine } from '@inngest/test';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jobRuns, performanceCache } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { createHousekeepingFunction } from './housekeeping';

const DAY = 24 * 60 * 60 * 1000;
const errorMessage = (error: unknown) => (error as { message?: string } | undefined)?.message ?? '';

describe('housekeeping Inngest function', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await t.close();
  });
  // The SDK logs every failed step; the failure tests expect exactly that.
  const quietStepErrors = () => vi.spyOn(console, 'error').mockImplementation(() => {});

  it('deletes expired cache rows and old runs, keeps fresh ones, and records an inngest run', async () => {
    const now = Date.now();
    await t.db.insert(performanceCache).values([
      { cacheKey: 'expired', cacheValue: {}, ttlSeconds: 60, expiresAt: new Date(now - 60_000) },
      { cacheKey: 'fresh', cacheValue: {}, ttlSeconds: 3600, expiresAt: new Date(now + 3_600_000) },
    ]);
    const finished = (startedAt: Date) => ({
      functionId: 'housekeeping',
      trigger: 'cron' as const,
      engine: 'in_process' as const,
      startedAt,
      finishedAt: startedAt,
      status: 'succeeded' as const,
    });
    await t.db.insert(jobRuns).values([finished(new Date(now - 31 * DAY)), finished(new Date(now - DAY))]);

    const engine = new InngestTestEngine({
      function: createHousekeepingFunction(async () => t.db),
      events: [{ name: 'inngest/scheduled.timer', data: { cron: '*/5 * * * *' } }],
    });
    const { result, error } = await engine.execute();

    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: 'succeeded', result: { expiredCacheRows: 1, oldJobRuns: 1 } });
    expect((await t.db.select().from(performanceCache)).map((r) => r.cacheKey)).toEqual(['fresh']);
    const runs = await t.db.select().from(jobRuns);
    expect(runs).toHaveLength(2);
    expect(runs).toContainEqual(
      expect.objectContaining({ engine: 'in_process', startedAt: new Date(now - DAY) }),
    );
    expect(runs).toContainEqual(
      expect.objectContaining({ functionId: 'housekeeping', trigger: 'cron', engine: 'inngest', status: 'succeeded' }),
    );
  });

  it('fails the step (so Inngest retries it) and records the failed run when the job throws', async () => {
    await t.db.execute(sql`alter table performance_cache rename to performance_cache_gone`);
    quietStepErrors();
    const engine = new InngestTestEngine({ function: createHousekeepingFunction(async () => t.db) });
    const { error } = await engine.execute();

    expect(errorMessage(error)).toMatch(/performance_cache.*does not exist/);
    const [run] = await t.db.select().from(jobRuns);
    expect(run).toMatchObject({ engine: 'inngest', status: 'failed', error: expect.stringMatching(/does not exist/) });
  });

  it('hands Inngest no query text or parameters when job_runs cannot be written', async () => {
    const closed = t;
    t = await createTestDb(); // the one afterEach closes
    await closed.close();
    quietStepErrors();
    const engine = new InngestTestEngine({ function: createHousekeepingFunction(async () => closed.db) });
    const { error } = await engine.execute();

    expect(errorMessage(error)).toBeTruthy();
    expect(errorMessage(error)).not.toMatch(/Failed query|params|insert into/i);
  });
});
