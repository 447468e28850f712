import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './types';

/**
 * Raw SQL rows. db.execute() returns an array on postgres.js but { rows } on PGlite;
 * this hides the difference.
 */
export async function queryRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
