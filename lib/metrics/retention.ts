import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { Db } from '../../db/types';
import { getSettings } from '../settings/settings';

const DAY_MS = 86_400_000;
/** Rows per DELETE: each batch is its own short statement, so no lock is held for long. */
export const RETENTION_BATCH_ROWS = 5_000;
// A bound on one run (5 million rows a table); a bigger backlog finishes on the next runs.
const MAX_BATCHES_PER_TABLE = 1_000;

export interface RetentionResult {
  rawDeleted: number;
  minuteDeleted: number;
  hourDeleted: number;
  sixHourDeleted: number;
  dayDeleted: number;
}

const TABLES = [
  { table: 'production_metrics', column: 'recorded_at', setting: 'metrics.retention_raw_days', result: 'rawDeleted' },
  { table: 'metric_rollups_1m', column: 'bucket_start', setting: 'metrics.retention_1m_days', result: 'minuteDeleted' },
  { table: 'metric_rollups_1h', column: 'bucket_start', setting: 'metrics.retention_1h_days', result: 'hourDeleted' },
  // 6-hour buckets and days are kept as long as the hours they are rolled from: the 7- and
  // 30-day ranges read them, and the hours answer what they do not.
  { table: 'metric_rollups_6h', column: 'bucket_start', setting: 'metrics.retention_1h_days', result: 'sixHourDeleted' },
  { table: 'metric_rollups_1d', column: 'bucket_start', setting: 'metrics.retention_1h_days', result: 'dayDeleted' },
] as const;

/**
 * Deletes raw metric rows and rollups older than their retention (app settings, defaults 7,
 * 30 and 400 days) in batches of RETENTION_BATCH_ROWS, oldest first. `ctid = any(array(...))`
 * makes each batch a TID scan of exactly the rows found through the time index.
 */
export async function applyMetricsRetention(db: Db, { now, batchRows = RETENTION_BATCH_ROWS }: { now: Date; batchRows?: number }): Promise<RetentionResult> {
  const days = await getSettings(db, TABLES.map((entry) => entry.setting));
  const result: RetentionResult = { rawDeleted: 0, minuteDeleted: 0, hourDeleted: 0, sixHourDeleted: 0, dayDeleted: 0 };
  for (const entry of TABLES) {
    const cutoff = new Date(now.getTime() - days[entry.setting] * DAY_MS).toISOString();
    const table = sql.raw(entry.table);
    const column = sql.raw(entry.column);
    for (let batch = 0; batch < MAX_BATCHES_PER_TABLE; batch += 1) {
      const [row] = await queryRows<{ deleted: number }>(
        db,
        sql`with gone as (
              delete from ${table} where ctid = any(array(
                select ctid from ${table} where ${column} < ${cutoff}::timestamptz order by ${column} limit ${batchRows}
              )) returning 1
            ) select count(*)::int as deleted from gone`,
      );
      const deleted = Number(row?.deleted ?? 0);
      result[entry.result] += deleted;
      if (deleted < batchRows) break;
    }
  }
  return result;
}
