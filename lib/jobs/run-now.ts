import { recordAudit } from '../audit/record';
import type { MutationContext } from '../audit/context';
import { notFound } from '../errors/service-error';
import type { Db } from '../../db/types';
import { findJobDefinition } from './definitions';
import { executeRun, insertRunningRow, type JobRunOutcome } from './run-job';

/**
 * An admin's "run now". The caller checks the role; this records the request in the audit
 * log in the same transaction as the run's job_runs row, then runs the job here, in this
 * process, whichever engine runs the schedule.
 */
export async function runJobNow(
  db: Db,
  functionId: string,
  context: MutationContext,
  { now = () => new Date() }: { now?: () => Date } = {},
): Promise<JobRunOutcome> {
  const definition = findJobDefinition(functionId);
  if (!definition) throw notFound('jobNotFound');
  const startedAt = now();
  const runId = await db.transaction(async (tx) => {
    const id = await insertRunningRow(tx, definition, { trigger: 'manual', engine: 'in_process', startedAt });
    await recordAudit(tx, context, {
      action: 'job.run_manual',
      target: { type: 'job', id: definition.id },
      after: { runId: id },
    });
    return id;
  });
  return executeRun(db, definition, runId, { startedAt, now });
}
