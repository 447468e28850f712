import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { Db } from '../../db/types';
import { emissionInterval, type GcraParams, type StoreDecision } from './gcra';
import type { LimiterStore } from './store';

/**
 * Shared by every app instance: one INSERT .. ON CONFLICT DO UPDATE per decision. The row
 * lock taken by ON CONFLICT serializes concurrent decisions on one key, and the CASE is the
 * GCRA step, so no read-modify-write race exists between instances.
 */
export class PostgresStore implements LimiterStore {
  readonly kind = 'postgres' as const;

  constructor(private readonly db: Db) {}

  async consume(key: string, nowMs: number, params: GcraParams): Promise<StoreDecision> {
    const increment = emissionInterval(params) * (params.cost ?? 1);
    const refuseAll = params.limit <= 0;
    const firstAllowed = !refuseAll && increment <= params.windowMs;
    const rows = await queryRows<{ tat_ms: number | string; allowed: boolean }>(
      this.db,
      sql`insert into rate_limit_state as s (key, tat_ms, allowed)
          values (${key}, ${firstAllowed ? nowMs + increment : nowMs}::float8, ${firstAllowed})
          on conflict (key) do update set
            allowed = ${!refuseAll} and greatest(s.tat_ms, ${nowMs}::float8) + ${increment}::float8 - ${nowMs}::float8 <= ${params.windowMs}::float8,
            tat_ms = case
              when ${!refuseAll} and greatest(s.tat_ms, ${nowMs}::float8) + ${increment}::float8 - ${nowMs}::float8 <= ${params.windowMs}::float8
              then greatest(s.tat_ms, ${nowMs}::float8) + ${increment}::float8
              else s.tat_ms end
          returning tat_ms, allowed`,
    );
    const row = rows[0];
    if (!row) throw new Error('rate_limit_state upsert returned no row');
    return { allowed: row.allowed, tatMs: Number(row.tat_ms) };
  }

  async reset(key: string): Promise<void> {
    await this.db.execute(sql`delete from rate_limit_state where key = ${key}`);
  }
}

/** Deletes state whose TAT is long past (it limits nothing any more); run by the throttle job. */
export async function pruneLimiterState(db: Db, nowMs: number, limit = 10_000): Promise<number> {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`delete from rate_limit_state where key in (
          select key from rate_limit_state where tat_ms < ${nowMs - 60_000}::float8 limit ${limit})
        returning key`,
  );
  return rows.length;
}
