import { eq } from 'drizzle-orm';
import { jobRuns, type JOB_ENGINES, type JOB_TRIGGERS } from '../../db/schema';
import type { Db, DbOrTx } from '../../db/types';
import { measure } from '../metrics/instrument';
import type { JobDefinition, JobResult } from './definitions';

export type JobTrigger = (typeof JOB_TRIGGERS)[number];
export type JobEngine = (typeof JOB_ENGINES)[number];

export interface RunJobOptions {
  trigger: JobTrigger;
  engine: JobEngine;
  /** The cron tick this run belongs to; unique per function (see the scheduler's claim). */
  scheduledFor?: Date;
  /** Clock, injectable for tests. */
  now?: () => Date;
}

export type JobRunOutcome =
  | { runId: string; status: 'succeeded'; result: JobResult }
  | { runId: string; status: 'failed'; error: string };

const MAX_ERROR_LENGTH = 1000;

/**
 * The text kept in job_runs.error: the message only (no stack), cut short. Drizzle's
 * "Failed query" message embeds the SQL and its parameters, which may hold secrets, so for
 * those the database's own message (the cause) is kept instead.
 */
export function jobErrorText(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && message.startsWith('Failed query') && error.cause instanceof Error) {
    message = error.cause.message;
  }
  if (message.length > MAX_ERROR_LENGTH) message = `${message.slice(0, MAX_ERROR_LENGTH - 1)}…`;
  return message || (error instanceof Error ? error.name : 'Unknown error');
}

/** Inserts the 'running' row of a run; returns its id. */
export async function insertRunningRow(
  db: DbOrTx,
  definition: JobDefinition,
  options: RunJobOptions & { startedAt: Date },
): Promise<string> {
  const [row] = await db
    .insert(jobRuns)
    .values({
      functionId: definition.id,
      trigger: options.trigger,
      engine: options.engine,
      scheduledFor: options.scheduledFor ?? null,
      startedAt: options.startedAt,
      status: 'running',
    })
    .returning({ id: jobRuns.id });
  if (!row) throw new Error('job_runs insert returned no row');
  return row.id;
}

/**
 * Runs a job whose 'running' row already exists and records how it ended. A failing job
 * does not throw: its error is recorded and returned. A failure to write job_runs does throw.
 */
export async function executeRun(
  db: Db,
  definition: JobDefinition,
  runId: string,
  { startedAt, now = () => new Date() }: { startedAt: Date; now?: () => Date },
): Promise<JobRunOutcome> {
  let outcome: JobRunOutcome;
  try {
    // Measured as 'job_duration' under the job id (a throw counts as an error).
    const result = await measure('job', definition.id, () => definition.run({ db, now: startedAt }));
    outcome = { runId, status: 'succeeded', result };
  } catch (error) {
    outcome = { runId, status: 'failed', error: jobErrorText(error) };
  }
  await db
    .update(jobRuns)
    .set({
      status: outcome.status,
      finishedAt: now(),
      error: outcome.status === 'failed' ? outcome.error : null,
    })
    .where(eq(jobRuns.id, runId));
  return outcome;
}

/** Runs one job and keeps its job_runs row, whichever engine asked. */
export async function runJob(db: Db, definition: JobDefinition, options: RunJobOptions): Promise<JobRunOutcome> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const runId = await insertRunningRow(db, definition, { ...options, startedAt });
  return executeRun(db, definition, runId, { startedAt, now });
}
