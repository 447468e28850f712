// `npm run db:migrate`: apply committed migrations to DATABASE_URL, or to the embedded database.
import { env } from '../lib/config/env';
import { openDatabase } from '../db/open';
import { applyMigrations, migrationStatus } from '../db/migrate';

async function main() {
  const config = env();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, poolMax: 2, dataDir: config.DATA_DIR });
  try {
    await applyMigrations(database, config.DATABASE_URL);
    const status = await migrationStatus(database.db);
    console.log(`Migrations applied (${status.applied}/${status.expected}) on ${database.kind === 'postgres' ? 'Postgres' : `the embedded database in ${config.DATA_DIR}`}.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
