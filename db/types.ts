import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

type Schema = typeof schema;

/**
 * The database handle every lib function takes. PGlite and postgres.js give different
 * concrete drizzle types; both are this one.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either a database or an open transaction: functions that write take this. */
export type DbOrTx = Db | Tx;
export type DatabaseKind = 'postgres' | 'pglite';
