import { cron } from 'inngest';
import type { Db } from '../../db/types';
import type { JobDefinition } from '../../lib/jobs/definitions';
import { jobErrorText, runJob, type JobRunOutcome } from '../../lib/jobs/run-job';
import { inngest } from '../client';

export type GetDb = () => Promise<Db>;

/**
 * One Inngest function per job definition, on the definition's own cron. Thin: one step
 * that runs the job through runJob, so the run is a job_runs row like any other. The
 * database is opened inside the step, never at import (next build imports this module).
 */
export function createJobFunction(definition: JobDefinition, getDb: GetDb) {
  return inngest.createFunction(
    { id: definition.id, triggers: [cron(definition.cron)] },
    async ({ step }) =>
      step.run(definition.id, async () => {
        let outcome: JobRunOutcome;
        try {
          outcome = await runJob(await getDb(), definition, { trigger: 'cron', engine: 'inngest' });
        } catch (error) {
          // Inngest logs and stores step errors whole; drizzle's carry the query's parameters.
          throw new Error(jobErrorText(error));
        }
        // Throwing lets Inngest mark the step failed and retry it; each retry is its own row.
        if (outcome.status === 'failed') throw new Error(outcome.error);
        return outcome;
      }),
  );
}
