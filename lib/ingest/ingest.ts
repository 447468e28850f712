import { sql } from 'drizzle-orm';
import { productionMetrics } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import type { IngestRequest } from './schema';

/**
 * Stores a validated batch as ONE statement, so a batch is stored whole or not at all.
 *
 * The rows travel as a single JSON parameter expanded by jsonb_to_recordset rather than as
 * 5 bind parameters per row: a 1,000-point batch is then one small statement to parse and
 * plan instead of one with 5,000 parameters. Alone it runs at 0.9-1.0x the speed of COPY and
 * 4-5 times that of INSERT ... VALUES (bench/ingest.ts prints all three). recorded_at
 * defaults to the time of the request.
 */
export async function storeMetricPoints(db: DbOrTx, request: IngestRequest, now: Date): Promise<number> {
  // One-letter keys: the JSON is about a third smaller than with the column names, and it
  // is what travels to the server and what the server parses.
  const rows = request.points.map((point) => ({
    t: point.metric_type,
    v: point.value,
    e: point.endpoint ?? null,
    r: point.recorded_at ?? now.toISOString(),
    m: point.metadata ?? null,
  }));
  await db.execute(sql`
    insert into ${productionMetrics} (metric_type, metric_value, endpoint, recorded_at, metadata)
    select t, v, e, r, m
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as points(t text, v numeric, e text, r timestamptz, m jsonb)`);
  return rows.length;
}
