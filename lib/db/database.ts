import { env } from '../config/env';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { applyMigrations } from '../../db/migrate';

// One database per process, kept on globalThis: Next bundles instrumentation, route
// handlers and pages separately, and two PGlite instances on one data folder would corrupt it.
const globalKey = Symbol.for('smm.database');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<OpenDatabase> };

/** Opens the database (and applies migrations) on first use. */
export function getDatabase(): Promise<OpenDatabase> {
  const holder = globalThis as GlobalWithDb;
  holder[globalKey] ??= (async () => {
    const config = env();
    const database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      poolMax: config.DB_POOL_MAX,
      dataDir: config.DATA_DIR,
    });
    await applyMigrations(database, config.DATABASE_URL);
    return database;
  })().catch((error: unknown) => {
    delete holder[globalKey];
    throw error;
  });
  return holder[globalKey];
}

export async function getDb() {
  return (await getDatabase()).db;
}
