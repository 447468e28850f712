import type { Db } from '../../db/types';
import { env, inngestConfigured, type Env } from '../config/env';
import { getDb } from '../db/database';
import { createScheduler, type JobScheduler } from './scheduler';

export type JobEngineChoice = 'inngest' | 'in_process' | 'none';

export interface StartJobRunnerOptions {
  config?: Env;
  getDb?: () => Promise<Db>;
  logger?: Pick<Console, 'info' | 'error'>;
}

// Next may evaluate instrumentation more than once per process (and bundles modules
// separately), so the scheduler lives on globalThis: one per process, never two.
const globalKey = Symbol.for('smm.jobScheduler');
type GlobalWithScheduler = typeof globalThis & { [globalKey]?: Promise<JobScheduler> };

/**
 * Starts whichever engine runs jobs in this process and logs which one. Inngest calls in
 * through /api/inngest, so nothing starts for it here; otherwise the in-process scheduler
 * starts unless JOBS_IN_PROCESS is off. Running it on every instance is safe (each tick
 * is claimed once), so turning it off is only for instances that should never run jobs.
 */
export async function startJobRunner(options: StartJobRunnerOptions = {}): Promise<JobEngineChoice> {
  const config = options.config ?? env();
  const logger = options.logger ?? console;
  if (inngestConfigured(config)) {
    logger.info('[jobs] Inngest runs jobs (served at /api/inngest); in-process scheduler off');
    return 'inngest';
  }
  if (!config.JOBS_IN_PROCESS) {
    logger.info('[jobs] No engine runs jobs here: Inngest is not configured and JOBS_IN_PROCESS is off');
    return 'none';
  }
  const holder = globalThis as GlobalWithScheduler;
  if (!holder[globalKey]) {
    const open = options.getDb ?? getDb;
    holder[globalKey] = (async () => {
      const scheduler = createScheduler({ db: await open(), logger });
      scheduler.start();
      logger.info('[jobs] The in-process scheduler runs jobs (set INNGEST_SIGNING_KEY to use Inngest)');
      return scheduler;
    })().catch((error: unknown) => {
      delete holder[globalKey];
      throw error;
    });
  }
  await holder[globalKey];
  return 'in_process';
}

/** Stops the in-process scheduler, waiting for runs in flight (for graceful shutdown). */
export async function stopJobRunner(): Promise<void> {
  const holder = globalThis as GlobalWithScheduler;
  const scheduler = holder[globalKey];
  delete holder[globalKey];
  // A scheduler that failed to start has nothing to stop.
  const started = await scheduler?.catch(() => undefined);
  await started?.stop();
}
