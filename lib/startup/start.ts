import { env, EnvError } from '../config/env';
import { getDatabase } from '../db/database';
import { startJobRunner, stopJobRunner } from '../jobs/start';
import { startMetrics, stopMetrics } from '../metrics/runtime';
import { installShutdownHook } from './shutdown';

/**
 * Start-up of a server process: validate the environment (a wrong value stops the process
 * with a message naming it), open the database and apply migrations, start the metrics
 * pipeline (whichever engine runs jobs: Inngest calls in over HTTP, and those runs are
 * measured here too), then the in-process job runner when Inngest is not configured. On
 * SIGTERM/SIGINT: let running jobs finish, then write the metrics still in memory.
 */
export async function startServer(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\n${error.message}\n\nSee README.md for every variable and its default.\n`);
      process.exit(1);
    }
    throw error;
  }
  try {
    const database = await getDatabase();
    console.log(`[start] database ready (${database.kind === 'postgres' ? 'Postgres' : `embedded, ${env().DATA_DIR}`}), migrations applied`);
  } catch (error) {
    console.error('[start] cannot open or migrate the database:', error instanceof Error ? error.message : error);
    process.exit(1);
  }
  startMetrics({ database: getDatabase, poolMax: env().DB_POOL_MAX });
  installShutdownHook(async () => {
    await stopJobRunner();
    await stopMetrics();
  });
  await startJobRunner();
}
