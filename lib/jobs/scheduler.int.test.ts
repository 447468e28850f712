import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPostgres } from '../../db/open';
import { jobRuns, performanceCache } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import type { Db } from '../../db/types';
import { housekeepingJob, type JobDefinition, type JobResult } from './definitions';
import { createScheduler, type JobScheduler, type TickResult } from './scheduler';

const START = new Date('2030-01-01T00:03:00.000Z');
const MINUTE = 60_000;
const at = (time: string) => new Date(`2030-01-01T${time}.000Z`);

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Collects onTick results and lets a test wait for one it expects. */
function recorder() {
  const results: TickResult[] = [];
  const waiters: { match: (r: TickResult) => boolean; resolve: (r: TickResult) => void }[] = [];
  return {
    results,
    onTick(result: TickResult) {
      results.push(result);
      for (const waiter of waiters.filter((w) => w.match(result))) waiter.resolve(result);
    },
    next(match: (r: TickResult) => boolean): Promise<TickResult> {
      const found = results.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

/**
 * Moves the fake clock to `time` (a tick) and waits for the schedulers to finish. Always
 * stop on a tick: jumping the clock past it while its queries are in flight would fire
 * postgres.js's own connect timeout, which runs on the same fake timers.
 */
async function advanceTo(time: Date, ...schedulers: JobScheduler[]) {
  await vi.advanceTimersByTimeAsync(time.getTime() - Date.now());
  await Promise.all(schedulers.map((s) => s.idle()));
}

function expectShortlyAfter(actual: Date | undefined, expected: Date) {
  expect(actual).toBeInstanceOf(Date);
  expect(actual!.getTime()).toBeGreaterThanOrEqual(expected.getTime());
  expect(actual!.getTime()).toBeLessThan(expected.getTime() + 5000);
}

function countingJob(calls: Date[], overrides: Partial<JobDefinition> = {}): JobDefinition {
  return {
    id: 'counting',
    cron: '*/5 * * * *',
    description: 'counts its runs',
    run: async ({ now }): Promise<JobResult> => {
      calls.push(now);
      return { calls: calls.length };
    },
    ...overrides,
  };
}

describe('in-process scheduler', () => {
  let t: TestDb;
  const schedulers: JobScheduler[] = [];
  const closers: (() => Promise<void>)[] = [];
  // Jobs a test blocks on; released before stopping so a failed assertion cannot hang stop().
  const blocked: (() => void)[] = [];
  const logger = { info: vi.fn(), error: vi.fn() };

  const scheduler = (db: Db, options: Partial<Parameters<typeof createScheduler>[0]> = {}) => {
    const created = createScheduler({ db, logger, ...options });
    schedulers.push(created);
    created.start();
    return created;
  };
  const runs = (db: Db = t.db) => db.select().from(jobRuns).orderBy(asc(jobRuns.scheduledFor));

  beforeEach(async () => {
    t = await createTestDb();
    // Only timers and Date are faked, and the fake clock also moves with real time:
    // postgres.js connects and reconnects through setTimeout, which must still fire.
    // Ticks keep their exact scheduled_for; started_at may trail it by a few milliseconds.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: START, shouldAdvanceTime: true });
    logger.error.mockClear();
  });
  afterEach(async () => {
    for (const release of blocked.splice(0)) release();
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    vi.useRealTimers();
    for (const close of closers.splice(0)) await close();
    await t.close();
  });

  it('runs housekeeping at its cron time and records the run', async () => {
    await t.db.insert(performanceCache).values({
      cacheKey: 'stale', cacheValue: {}, ttlSeconds: 1, expiresAt: at('00:04:00'),
    });
    // Only housekeeping: other declared jobs may tick in this window too.
    const s = scheduler(t.db, { definitions: [housekeepingJob] });

    await vi.advanceTimersByTimeAsync(2 * MINUTE - 1000);
    await s.idle();
    expect(await runs()).toEqual([]);

    await vi.advanceTimersByTimeAsync(1000);
    await s.idle();
    const [run, ...rest] = await runs();
    expect(rest).toEqual([]);
    expect(run).toMatchObject({
      functionId: 'housekeeping',
      trigger: 'cron',
      engine: 'in_process',
      status: 'succeeded',
      scheduledFor: at('00:05:00'),
      error: null,
    });
    expectShortlyAfter(run?.startedAt, at('00:05:00'));
    expect(run?.finishedAt).toBeInstanceOf(Date);
    expect(await t.db.select().from(performanceCache)).toEqual([]);
  });

  it('runs the same definition on every tick', async () => {
    const calls: Date[] = [];
    const s = scheduler(t.db, { definitions: [countingJob(calls)] });
    for (const time of ['00:05:00', '00:10:00', '00:15:00']) await advanceTo(at(time), s);
    expect(calls).toHaveLength(3);
    calls.forEach((call, i) => expectShortlyAfter(call, at(`00:${['05', '10', '15'][i]}:00`)));
    expect((await runs()).map((r) => [r.scheduledFor, r.status])).toEqual([
      [at('00:05:00'), 'succeeded'],
      [at('00:10:00'), 'succeeded'],
      [at('00:15:00'), 'succeeded'],
    ]);
  });

  it('never runs one tick twice across two instances sharing the database', async () => {
    // On Postgres the second instance gets its own connection pool, as a second app would.
    let second = t.db;
    if (t.kind === 'postgres') {
      const opened = openPostgres(t.url!, 5);
      closers.push(opened.close);
      second = opened.db;
    }
    const calls: Date[] = [];
    const record = recorder();
    const a = scheduler(t.db, { definitions: [countingJob(calls)], onTick: record.onTick });
    const b = scheduler(second, { definitions: [countingJob(calls)], onTick: record.onTick });

    const ticks = ['00:05', '00:10', '00:15', '00:20', '00:25', '00:30'].map((time) => at(`${time}:00`));
    for (const tick of ticks) await advanceTo(tick, a, b);

    expect(calls).toHaveLength(ticks.length);
    expect((await runs()).map((r) => r.scheduledFor)).toEqual(ticks);
    for (const tick of ticks) {
      const statuses = record.results.filter((r) => r.scheduledFor.getTime() === tick.getTime()).map((r) => r.status);
      expect(statuses).toHaveLength(2);
      expect(statuses.filter((status) => status === 'ran')).toHaveLength(1);
      // The other instance found the lock held, the tick taken, or the winner's run still going.
      expect(statuses.every((status) => ['ran', 'locked', 'taken', 'overlap'].includes(status))).toBe(true);
    }
  });

  it('records a failing job as failed with its error message', async () => {
    const failing = countingJob([], {
      id: 'failing',
      run: async () => {
        throw new Error('cache backend unreachable');
      },
    });
    const s = scheduler(t.db, { definitions: [failing] });
    await advanceTo(at('00:05:00'), s);
    const [run] = await runs();
    expect(run).toMatchObject({ functionId: 'failing', status: 'failed', error: 'cache backend unreachable' });
    expect(run?.finishedAt).toBeInstanceOf(Date);
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('cache backend unreachable'));
  });

  it('skips a tick while the previous run is still running, then carries on', async () => {
    const started = deferred();
    const release = deferred();
    blocked.push(release.resolve);
    let calls = 0;
    const slow = countingJob([], {
      id: 'slow',
      run: async () => {
        calls += 1;
        if (calls === 1) {
          started.resolve();
          await release.promise;
        }
        return { calls };
      },
    });
    const record = recorder();
    const s = scheduler(t.db, { definitions: [slow], onTick: record.onTick });

    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    await started.promise;
    await vi.advanceTimersByTimeAsync(at('00:10:00').getTime() - Date.now());
    const second = await record.next((r) => r.scheduledFor.getTime() === at('00:10:00').getTime());
    expect(second.status).toBe('overlap');

    release.resolve();
    await s.idle();
    await advanceTo(at('00:15:00'), s);
    expect(calls).toBe(2);
    expect((await runs()).map((r) => [r.scheduledFor, r.status])).toEqual([
      [at('00:05:00'), 'succeeded'],
      [at('00:15:00'), 'succeeded'],
    ]);
  });

  it('treats a run left running for over an hour as stale: marks it failed and runs the tick', async () => {
    const [stale] = await t.db
      .insert(jobRuns)
      .values({ functionId: 'counting', trigger: 'cron', engine: 'in_process', startedAt: at('00:03:00'), status: 'running' })
      .returning();
    // Also a fresh 'running' row of another function, which must not block this one.
    await t.db.insert(jobRuns).values({ functionId: 'other', trigger: 'manual', engine: 'in_process', status: 'running' });
    vi.setSystemTime(at('01:04:00'));
    const calls: Date[] = [];
    const s = scheduler(t.db, { definitions: [countingJob(calls)] });
    await advanceTo(at('01:05:00'), s);
    expect(calls).toHaveLength(1);
    expect((await runs()).filter((r) => r.functionId === 'counting').map((r) => r.scheduledFor)).toEqual([
      at('01:05:00'),
      null, // the stale row: Postgres sorts nulls last
    ]);
    const [old] = await t.db.select().from(jobRuns).where(eq(jobRuns.id, stale!.id));
    expect(old).toMatchObject({ status: 'failed', error: expect.stringMatching(/abandoned/i) });
  });

  it('does not replay ticks missed while the timer was late', async () => {
    const calls: Date[] = [];
    const s = scheduler(t.db, { definitions: [countingJob(calls)] });
    // The wall clock jumps 14 minutes while the 00:05 timer is still pending (a suspended
    // process): the overdue tick runs once, then the next one is 00:20, not 00:10 and 00:15.
    vi.setSystemTime(at('00:17:00'));
    await advanceTo(at('00:19:00'), s);
    await advanceTo(at('00:20:00'), s);
    expect(calls).toHaveLength(2);
    expect((await runs()).map((r) => r.scheduledFor)).toEqual([at('00:05:00'), at('00:20:00')]);
  });

  it('stop() waits for the runs in flight and arms no further ticks', async () => {
    const started = deferred();
    const release = deferred();
    blocked.push(release.resolve);
    let calls = 0;
    const slow = countingJob([], {
      id: 'slow',
      run: async () => {
        calls += 1;
        started.resolve();
        await release.promise;
        return { calls };
      },
    });
    const s = scheduler(t.db, { definitions: [slow] });
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    await started.promise;

    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;
    expect((await runs()).map((r) => r.status)).toEqual(['succeeded']);

    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(calls).toBe(1);
  });
});
