// `npm run seed:demo`: 90 days of deterministic demo events (ending today, UTC), exchange rates
// and model prices, then the analytics rollups and a trained churn model. Safe to run again:
// event ids and rate keys are stable, so a second run stores nothing new.
import { env } from '../lib/config/env';
import { openDatabase } from '../db/open';
import { applyMigrations } from '../db/migrate';
import { seedDemo } from '../lib/analytics/demo-seed';

async function main() {
  const config = env();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, poolMax: 2, dataDir: config.DATA_DIR });
  try {
    await applyMigrations(database, config.DATABASE_URL);
    const result = await seedDemo(database.db, { now: new Date() });
    console.log(`Demo events: ${result.events} generated, ${result.stored} new; ${result.rates} exchange rates; ${result.days} days aggregated.`);
    console.log(result.churn.trained ? `Churn model: held-out AUC ${result.churn.auc.toFixed(3)} (shuffled-label baseline ${result.churn.baselineAuc.toFixed(3)}), ${result.churn.predictions} users scored.` : `Churn model not trained: ${result.churn.reason}.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
