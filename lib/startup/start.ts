import { env, EnvError } from '../config/env';
import { getDatabase } from '../db/database';
import { startJobRunner } from '../jobs/start';

/**
 * Start-up of a server process: validate the environment (a wrong value stops the process
 * with a message naming it), open the database and apply migrations, then start the
 * in-process job runner when Inngest is not configured.
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
  await startJobRunner();
}
