import { productionMetrics } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import type { MetricRow } from './rows';

// Postgres takes at most 65,535 parameters per statement; a row has 5.
const ROWS_PER_STATEMENT = 5_000;

/**
 * Writes rows into production_metrics: one multi-row INSERT, or (after an outage left more
 * than one statement can carry) several in one transaction, so a batch is stored whole or not
 * at all and a retry never writes a row twice.
 */
export async function insertMetricRows(db: DbOrTx, rows: readonly MetricRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((row) => ({
    metricType: row.metricType,
    endpoint: row.endpoint,
    metricValue: row.metricValue,
    recordedAt: row.recordedAt,
    metadata: row.metadata,
  }));
  if (values.length <= ROWS_PER_STATEMENT) {
    await db.insert(productionMetrics).values(values);
    return;
  }
  await db.transaction(async (tx) => {
    for (let index = 0; index < values.length; index += ROWS_PER_STATEMENT) {
      await tx.insert(productionMetrics).values(values.slice(index, index + ROWS_PER_STATEMENT));
    }
  });
}
