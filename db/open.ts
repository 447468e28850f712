import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';
import type { DatabaseKind, Db } from './types';

export interface OpenDatabase {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** Connections in use / idle where the driver can tell (postgres.js pool). */
  poolSize?: () => { max: number };
}

export interface OpenOptions {
  databaseUrl?: string;
  poolMax?: number;
  /** PGlite data folder; 'memory://' for a throw-away database. */
  dataDir?: string;
}

export function openPostgres(url: string, poolMax = 10): OpenDatabase {
  const client = postgres(url, {
    max: poolMax,
    idle_timeout: 30,
    connect_timeout: 10,
    // Keep Postgres NOTICEs (e.g. "relation already exists, skipping") out of the logs.
    onnotice: () => {},
  });
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }), poolSize: () => ({ max: poolMax }) };
}

export async function openPglite(dataDir: string): Promise<OpenDatabase> {
  let location = dataDir;
  if (!dataDir.startsWith('memory://')) {
    location = path.resolve(dataDir, 'pglite');
    // PGlite does not create its data folder.
    mkdirSync(location, { recursive: true });
  }
  const client = await PGlite.create(location);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

export async function openDatabase(options: OpenOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolMax);
  return openPglite(options.dataDir ?? './data');
}
