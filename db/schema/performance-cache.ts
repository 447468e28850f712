import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const performanceCache = pgTable(
  'performance_cache',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cacheKey: text('cache_key').notNull(),
    cacheValue: jsonb('cache_value').notNull(),
    ttlSeconds: integer('ttl_seconds').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    hitCount: integer('hit_count').notNull().default(0),
  },
  (table) => [
    uniqueIndex('performance_cache_cache_key_key').on(table.cacheKey),
    // Housekeeping deletes expired rows.
    index('performance_cache_expires_at_idx').on(table.expiresAt),
  ],
);

export type PerformanceCacheRow = typeof performanceCache.$inferSelect;
