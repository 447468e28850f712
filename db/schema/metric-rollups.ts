import { bigint, doublePrecision, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Rolled-up production_metrics at 1-minute, 1-hour, 6-hour and 1-day (UTC) resolution. One row per metric type,
 * endpoint ('' when none) and bucket. `histogram` is a mergeable latency sketch (bucket index
 * -> count, see lib/metrics) so percentiles of a coarser bucket or a longer range are computed
 * from merged sketches, never by averaging percentiles.
 */
function rollupTable<Name extends string>(name: Name) {
  return pgTable(
    name,
    {
      metricType: text('metric_type').notNull(),
      endpoint: text('endpoint').notNull().default(''),
      bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
      count: bigint('count', { mode: 'number' }).notNull(),
      errors: bigint('errors', { mode: 'number' }).notNull().default(0),
      sum: doublePrecision('sum').notNull(),
      min: doublePrecision('min').notNull(),
      max: doublePrecision('max').notNull(),
      p50: doublePrecision('p50'),
      p95: doublePrecision('p95'),
      p99: doublePrecision('p99'),
      histogram: jsonb('histogram').$type<Record<string, number>>(),
      metadata: jsonb('metadata').$type<Record<string, unknown>>(),
    },
    (table) => [
      primaryKey({ name: `${name}_pkey`, columns: [table.metricType, table.endpoint, table.bucketStart] }),
      index(`${name}_bucket_idx`).on(table.bucketStart),
    ],
  );
}

export const metricRollups1m = rollupTable('metric_rollups_1m');
export const metricRollups1h = rollupTable('metric_rollups_1h');
/** Rolled from the hourly table; lets a 7-day range (6-hour steps) read 28 rows per series (ADR 0009). */
export const metricRollups6h = rollupTable('metric_rollups_6h');
/** Rolled from the hourly table; lets a 30-day range read 30 rows per series (ADR 0009). */
export const metricRollups1d = rollupTable('metric_rollups_1d');

export type MetricRollup = typeof metricRollups1m.$inferSelect;
