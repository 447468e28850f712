import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobRuns } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import type { JobDefinition } from './definitions';
import { runJob } from './run-job';

const job = (run: JobDefinition['run']): JobDefinition => ({ id: 'probe', cron: '* * * * *', description: 'probe', run });

describe('runJob', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it('records a succeeded run with its trigger, engine and times, and returns the result', async () => {
    const times = [new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:02Z')];
    let seen: Date | undefined;
    const outcome = await runJob(
      t.db,
      job(async ({ now }) => {
        seen = now;
        return { deleted: 3 };
      }),
      { trigger: 'event', engine: 'inngest', now: () => times.shift()! },
    );
    expect(outcome).toMatchObject({ status: 'succeeded', result: { deleted: 3 } });
    expect(seen).toEqual(new Date('2030-01-01T00:00:00Z'));
    const rows = await t.db.select().from(jobRuns);
    expect(rows).toEqual([
      expect.objectContaining({
        id: outcome.runId,
        functionId: 'probe',
        trigger: 'event',
        engine: 'inngest',
        scheduledFor: null,
        status: 'succeeded',
        startedAt: new Date('2030-01-01T00:00:00Z'),
        finishedAt: new Date('2030-01-01T00:00:02Z'),
        error: null,
      }),
    ]);
  });

  it("records a failed run with the database's message, never the query's parameters", async () => {
    const outcome = await runJob(
      t.db,
      job(async ({ db }) => {
        await db.execute(sql`select 1 / 0 where ${'sk_live_secret'} <> ''`);
        return {};
      }),
      { trigger: 'manual', engine: 'in_process' },
    );
    expect(outcome).toMatchObject({ status: 'failed', error: 'division by zero' });
    const [row] = await t.db.select().from(jobRuns);
    expect(row).toMatchObject({ status: 'failed', error: 'division by zero' });
    expect(row?.finishedAt).toBeInstanceOf(Date);
  });
});
