// `npm run seed:metrics`: deterministic demo metrics for the System health dashboard (two
// months of hourly rollups, a day of minute rollups, the last hour of raw rows and a paused
// demo monitor), written to DATABASE_URL or to the embedded database in DATA_DIR.
// With the embedded database, stop the console first: one process owns its data folder.
// --no-monitor leaves the monitors alone (the browser tests manage their own).
import { env } from '../lib/config/env';
import { openDatabase } from '../db/open';
import { applyMigrations } from '../db/migrate';
import { seedDemoMetrics } from '../lib/health-dashboard/seed-demo';

async function main() {
  const config = env();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, poolMax: 2, dataDir: config.DATA_DIR });
  try {
    await applyMigrations(database, config.DATABASE_URL);
    const started = performance.now();
    const monitor = !process.argv.includes('--no-monitor');
    const counts = await seedDemoMetrics(database.db, { now: new Date(), kind: database.kind, monitor });
    const where = database.kind === 'postgres' ? 'Postgres' : `the embedded database in ${config.DATA_DIR}`;
    console.log(
      `Demo metrics written to ${where} in ${Math.round(performance.now() - started)} ms: ${counts.raw} raw rows, ` +
        `${counts.minute} minute, ${counts.hour} hourly, ${counts.sixHour} 6-hour and ${counts.day} daily rollups, ${counts.checks} monitor checks.`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
