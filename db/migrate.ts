import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { queryRows } from './rows';
import type { Db, DatabaseKind } from './types';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

// Any fixed 64-bit number; every instance uses the same one so only one migrates at a time.
const MIGRATION_LOCK_KEY = 7_216_540_001;

/**
 * Postgres: migrate on one dedicated connection holding a session advisory lock, so two
 * app instances starting together never run the same migration twice.
 */
export async function migratePostgresUrl(url: string, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** PGlite: one process owns the data folder, so no lock is needed. */
export async function migrateEmbedded(db: Db, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
}

interface JournalEntry {
  tag: string;
  when: number;
}

export function readJournal(migrationsFolder = MIGRATIONS_FOLDER): JournalEntry[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

export interface MigrationStatus {
  current: boolean;
  expected: number;
  applied: number;
}

/** Compares the committed journal with what the database has applied. */
export async function migrationStatus(db: Db, migrationsFolder = MIGRATIONS_FOLDER): Promise<MigrationStatus> {
  const entries = readJournal(migrationsFolder);
  const rows = await queryRows<{ created_at: string | number }>(
    db,
    sql`select created_at from drizzle.__drizzle_migrations order by created_at`,
  ).catch(() => []);
  const applied = new Set(rows.map((row) => Number(row.created_at)));
  const missing = entries.filter((entry) => !applied.has(entry.when));
  return { current: missing.length === 0, expected: entries.length, applied: rows.length };
}

export async function applyMigrations(
  target: { db: Db; kind: DatabaseKind },
  databaseUrl: string | undefined,
): Promise<void> {
  if (target.kind === 'postgres' && databaseUrl) await migratePostgresUrl(databaseUrl);
  else await migrateEmbedded(target.db);
}
