import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, jobRuns } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import type { MutationContext } from '../audit/context';
import { ServiceError } from '../errors/service-error';
import { runJobNow } from './run-now';

const context: MutationContext = {
  actor: { type: 'user', id: '00000000-0000-4000-8000-000000000001', role: 'admin', email: 'admin@example.com' },
  request: { requestId: 'req-1', ip: '203.0.113.9' },
};

describe('runJobNow', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it('runs the job as a manual run and audits who asked', async () => {
    const outcome = await runJobNow(t.db, 'housekeeping', context);

    expect(outcome).toMatchObject({ status: 'succeeded', result: { expiredCacheRows: 0 } });
    const runs = await t.db.select().from(jobRuns);
    expect(runs).toEqual([
      expect.objectContaining({
        id: outcome.runId,
        functionId: 'housekeeping',
        trigger: 'manual',
        engine: 'in_process',
        status: 'succeeded',
      }),
    ]);
    const entries = await t.db.select().from(auditLog);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'job.run_manual',
        actorType: 'user',
        actorId: context.actor.id,
        targetType: 'job',
        targetId: 'housekeeping',
        after: { runId: outcome.runId },
        requestId: 'req-1',
        outcome: 'success',
      }),
    ]);
  });

  it('refuses an unknown job with not_found and writes nothing', async () => {
    const error = await runJobNow(t.db, 'no-such-job', context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).kind).toBe('not_found');
    expect(await t.db.select().from(jobRuns)).toEqual([]);
    expect(await t.db.select().from(auditLog)).toEqual([]);
  });
});
