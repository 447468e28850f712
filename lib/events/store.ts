import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import { analyticsEvents } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import type { EventBatch } from './schema';

/**
 * Stores a validated batch as one statement (whole or not at all). The event id is the
 * primary key and conflicts are skipped, so a retried batch, or an id repeated inside one,
 * is stored once. Returns how many events were new.
 */
export async function storeEvents(db: DbOrTx, batch: EventBatch, now: Date): Promise<number> {
  const rows = batch.events.map((event) => ({
    id: event.id,
    name: event.name,
    user_id: event.user_id,
    occurred_at: event.occurred_at,
    properties: event.properties ?? {},
  }));
  const [result] = await queryRows<{ n: number | string }>(
    db,
    sql`with inserted as (
      insert into ${analyticsEvents} (id, name, user_id, occurred_at, received_at, properties)
      select id, name, user_id, occurred_at, ${now.toISOString()}::timestamptz, properties
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as e(id text, name text, user_id text, occurred_at timestamptz, properties jsonb)
      on conflict (id) do nothing
      returning 1
    ) select count(*)::int as n from inserted`,
  );
  return Number(result?.n ?? 0);
}
