import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Product events from POST /api/v1/events. The client's event id is the primary key, so a
 * repeated id is stored once (insert ... on conflict do nothing). See docs/adr/0006 for the
 * index choices: BRIN on the two time columns for day-range scans (rows arrive roughly in
 * time order), one btree per query shape the funnel and churn reads use.
 */
export const analyticsEvents = pgTable(
  'analytics_events',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    userId: text('user_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (table) => [
    index('analytics_events_occurred_brin').using('brin', table.occurredAt),
    index('analytics_events_received_brin').using('brin', table.receivedAt),
    index('analytics_events_name_time_idx').on(table.name, table.occurredAt, table.userId),
    // Funnel steps: one index probe for "first event X of user U after t". Name first, so one
    // event name's entries are contiguous and a funnel's probes (in user order) walk few, cached
    // pages; with the user first, each probe landed on its own page (ADR 0006).
    index('analytics_events_name_user_time_idx').on(table.name, table.userId, table.occurredAt),
  ],
);

export type AnalyticsEvent = typeof analyticsEvents.$inferSelect;
