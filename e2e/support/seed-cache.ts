// Test-only seeding, run by e2e/support/serve.mjs before `next start`: shared cache entries
// with long TTLs and hit counts, and cache activity metric points three hours back, so
// e2e/cache.spec.ts asserts on fixed figures instead of on entries a render wrote itself.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../db/open';
import { applyMigrations } from '../../db/migrate';
import { PostgresL2 } from '../../lib/cache/postgres-l2';
import { env } from '../../lib/config/env';
import { CACHE_ACTIVITY, CACHE_ENTRIES, CACHE_TTL_SECONDS } from './cache-fixture';

async function main() {
  const config = env();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, poolMax: 2, dataDir: config.DATA_DIR });
  try {
    await applyMigrations(database, config.DATABASE_URL);
    const now = Date.now();
    const l2 = new PostgresL2(database.db);
    for (const entry of CACHE_ENTRIES) {
      await l2.set(entry.key, { seeded: entry.key }, CACHE_TTL_SECONDS, entry.tags, now);
    }
    await l2.addHits(new Map(CACHE_ENTRIES.map((entry) => [entry.key, entry.hits])));
    const at = new Date(now - 3 * 3_600_000).toISOString();
    for (const row of CACHE_ACTIVITY) {
      const points: Array<[string, number]> = [
        ['cache_hit', row.hits],
        ['cache_l2_hit', row.l2Hits],
        ['cache_miss', row.misses],
        ['cache_eviction', row.evictions],
      ];
      for (const [type, value] of points) {
        if (value > 0) await database.db.execute(sql`insert into production_metrics (metric_type, metric_value, endpoint, recorded_at) values (${type}, ${value}, ${row.prefix}, ${at}::timestamptz)`);
      }
    }
    console.log(`e2e: seeded ${CACHE_ENTRIES.length} cache entries and cache activity for ${CACHE_ACTIVITY.length} prefixes`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
