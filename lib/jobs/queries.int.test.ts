import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobRuns } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { jobDefinitions, type JobDefinition } from './definitions';
import { jobSummaries, listJobRuns, type JobRunCursor } from './queries';

const at = (time: string) => new Date(`2030-01-01T${time}Z`);
const run = (functionId: string, startedAt: Date, status: 'running' | 'succeeded' | 'failed' = 'succeeded') => ({
  functionId,
  trigger: 'cron' as const,
  engine: 'in_process' as const,
  startedAt,
  status,
  finishedAt: status === 'running' ? null : startedAt,
});

describe('job queries', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it('pages through every run newest first, each exactly once', async () => {
    await t.db.insert(jobRuns).values([
      run('a', at('00:01:00')),
      run('b', at('00:02:00')),
      run('c', at('00:02:00')), // same start as b: the id breaks the tie
      run('d', at('00:03:00')),
      run('e', at('00:04:00')),
    ]);
    // Postgres keeps microseconds that a JS Date cannot carry back in a cursor: two runs
    // within one millisecond must still both be listed.
    await t.db.execute(
      sql`insert into job_runs (function_id, trigger, engine, started_at, status) values
          ('f', 'manual', 'in_process', '2030-01-01T00:03:30.123456Z', 'running'),
          ('g', 'manual', 'in_process', '2030-01-01T00:03:30.123200Z', 'running')`,
    );

    const seen: string[] = [];
    let before: JobRunCursor | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await listJobRuns(t.db, { limit: 2, before });
      seen.push(...result.runs.map((r) => r.functionId));
      if (!result.nextCursor) break;
      before = result.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen[0]).toBe('e');
    expect(seen.slice(1, 3).sort()).toEqual(['f', 'g']);
    expect(seen[3]).toBe('d');
    expect(seen.slice(4, 6).sort()).toEqual(['b', 'c']);
    expect(seen[6]).toBe('a');
  });

  it('says when there is no further page', async () => {
    await t.db.insert(jobRuns).values([run('a', at('00:01:00')), run('b', at('00:02:00'))]);
    expect((await listJobRuns(t.db, { limit: 2 })).nextCursor).toBeNull();
    expect((await listJobRuns(t.db, { limit: 1 })).nextCursor).not.toBeNull();
  });

  it('summarises each declared job: its latest run and next tick', async () => {
    await t.db.insert(jobRuns).values([
      run('housekeeping', at('00:00:00'), 'failed'),
      run('housekeeping', at('00:05:00'), 'succeeded'),
      run('undeclared', at('00:06:00')),
    ]);
    const quiet: JobDefinition = { id: 'quiet', cron: '0 * * * *', description: 'hourly', run: async () => ({}) };
    const definitions: JobDefinition[] = [
      { id: 'housekeeping', cron: '*/5 * * * *', description: 'sweeps', run: async () => ({}) },
      quiet,
    ];
    const summaries = await jobSummaries(t.db, { now: at('00:07:00'), definitions });
    expect(summaries).toEqual([
      {
        id: 'housekeeping',
        description: 'sweeps',
        cron: '*/5 * * * *',
        lastRun: expect.objectContaining({ status: 'succeeded', startedAt: at('00:05:00') }),
        nextRunAt: at('00:10:00'),
      },
      { id: 'quiet', description: 'hourly', cron: '0 * * * *', lastRun: null, nextRunAt: at('01:00:00') },
    ]);
  });

  it('lists the declared jobs by default', async () => {
    const summaries = await jobSummaries(t.db);
    expect(summaries.map((s) => s.id)).toEqual(jobDefinitions.map((d) => d.id));
    expect(summaries[0]?.nextRunAt?.getTime()).toBeGreaterThan(Date.now());
  });
});
