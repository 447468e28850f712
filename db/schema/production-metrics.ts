import { index, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const productionMetrics = pgTable(
  'production_metrics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    metricType: text('metric_type').notNull(),
    metricValue: numeric('metric_value', { mode: 'number' }).notNull(),
    endpoint: text('endpoint'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
  },
  (table) => [
    // Dashboard reads: one metric type (and endpoint) over a time range.
    index('production_metrics_type_endpoint_time_idx').on(table.metricType, table.endpoint, table.recordedAt.desc()),
    // Retention deletes by age.
    index('production_metrics_recorded_at_idx').on(table.recordedAt),
  ],
);

export type ProductionMetric = typeof productionMetrics.$inferSelect;
