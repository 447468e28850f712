import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import { migrateEmbedded } from '../migrate';
import { openPostgres } from '../open';
import * as schema from '../schema';
import type { DatabaseKind, Db } from '../types';
import { assertLocalDatabaseUrl } from './assert-local';

export interface TestDb {
  db: Db;
  kind: DatabaseKind;
  /** The connection URL of this test's own database (Postgres only). */
  url?: string;
  close(): Promise<void>;
}

let migratedPglite: Promise<PGlite> | undefined;

async function pgliteTemplate(): Promise<PGlite> {
  migratedPglite ??= (async () => {
    const client = await PGlite.create('memory://');
    await migrateEmbedded(drizzlePglite({ client, schema }) as unknown as Db);
    return client;
  })();
  return migratedPglite;
}

/**
 * A fresh, migrated database of its own for one test (or one file): a clone of a migrated
 * in-memory PGlite, or, with DATABASE_URL set, a copy of the run's template database on
 * the local Postgres. Nothing leaks between tests.
 */
export async function createTestDb(): Promise<TestDb> {
  const templateUrl = inject('templateDatabaseUrl');
  if (!templateUrl) {
    const client = (await (await pgliteTemplate()).clone()) as PGlite;
    return {
      db: drizzlePglite({ client, schema }) as unknown as Db,
      kind: 'pglite',
      close: () => client.close(),
    };
  }
  assertLocalDatabaseUrl(templateUrl);
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `smm_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(templateUrl.replace(/\/[^/]*$/, '/postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${template}"`);
  const url = templateUrl.replace(/\/[^/]*$/, `/${name}`);
  const opened = openPostgres(url, 5);
  return {
    db: opened.db,
    kind: 'postgres',
    url,
    close: async () => {
      await opened.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
