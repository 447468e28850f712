import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobRuns, performanceCache, signInAttempts } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { runHousekeeping } from './housekeeping';

const now = new Date('2030-06-15T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('runHousekeeping', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it('deletes expired cache rows, month-old finished runs and day-old attempts, and counts them', async () => {
    await t.db.insert(performanceCache).values([
      { cacheKey: 'expired', cacheValue: { v: 1 }, ttlSeconds: 60, expiresAt: ago(MINUTE) },
      { cacheKey: 'fresh', cacheValue: { v: 2 }, ttlSeconds: 60, expiresAt: new Date(now.getTime() + MINUTE) },
      { cacheKey: 'expires-now', cacheValue: { v: 3 }, ttlSeconds: 60, expiresAt: now },
    ]);
    const run = (functionId: string, startedAt: Date, finished: boolean) => ({
      functionId,
      trigger: 'cron' as const,
      engine: 'in_process' as const,
      startedAt,
      finishedAt: finished ? new Date(startedAt.getTime() + 1000) : null,
      status: finished ? ('succeeded' as const) : ('running' as const),
    });
    await t.db.insert(jobRuns).values([
      run('old-finished', ago(31 * DAY), true),
      run('old-running', ago(31 * DAY), false),
      run('recent', ago(29 * DAY), true),
    ]);
    await t.db.insert(signInAttempts).values([
      { email: 'old@example.com', ip: '10.0.0.1', succeeded: false, attemptedAt: ago(DAY + MINUTE) },
      { email: 'new@example.com', ip: '10.0.0.1', succeeded: false, attemptedAt: ago(DAY - MINUTE) },
    ]);

    const result = await runHousekeeping(t.db, { now });

    expect(result).toEqual({ expiredCacheRows: 1, oldJobRuns: 1, oldSignInAttempts: 1 });
    const keys = (await t.db.select().from(performanceCache)).map((r) => r.cacheKey).sort();
    expect(keys).toEqual(['expires-now', 'fresh']);
    const runs = (await t.db.select().from(jobRuns)).map((r) => r.functionId).sort();
    expect(runs).toEqual(['old-running', 'recent']);
    const emails = (await t.db.select().from(signInAttempts)).map((r) => r.email);
    expect(emails).toEqual(['new@example.com']);
  });

  it('reports zeros on an empty database', async () => {
    expect(await runHousekeeping(t.db, { now })).toEqual({ expiredCacheRows: 0, oldJobRuns: 0, oldSignInAttempts: 0 });
  });
});
