import { bigint, date, doublePrecision, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Daily rollups of analytics_events, written by the analytics-aggregator. Days are UTC days.
 * Every table is keyed by its day, so a day range is recomputed by deleting and inserting
 * that range in one transaction: no duplicates, whatever ran before.
 */

/** Payments per day and currency, amounts in minor units of that currency. */
export const analyticsDailyRevenue = pgTable(
  'analytics_daily_revenue',
  {
    day: date('day', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    payments: integer('payments').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    failedPayments: integer('failed_payments').notNull(),
  },
  (table) => [primaryKey({ name: 'analytics_daily_revenue_pkey', columns: [table.day, table.currency] })],
);

/**
 * MRR movements per day and currency (minor units). The sum of all movements up to a day is
 * the MRR at the end of that day, since each user's movement is the change of their MRR.
 */
export const analyticsDailyMrr = pgTable(
  'analytics_daily_mrr',
  {
    day: date('day', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    newMinor: bigint('new_minor', { mode: 'number' }).notNull(),
    expansionMinor: bigint('expansion_minor', { mode: 'number' }).notNull(),
    contractionMinor: bigint('contraction_minor', { mode: 'number' }).notNull(),
    churnedMinor: bigint('churned_minor', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ name: 'analytics_daily_mrr_pkey', columns: [table.day, table.currency] })],
);

/** One row per user and day with any event: the base of DAU/WAU/MAU and retention cohorts. */
export const analyticsUserDays = pgTable(
  'analytics_user_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    userId: text('user_id').notNull(),
    events: integer('events').notNull(),
    sessions: integer('sessions').notNull(),
  },
  (table) => [primaryKey({ name: 'analytics_user_days_pkey', columns: [table.day, table.userId] })],
);

/** Active users per day: DAU, and distinct users of the 7 and 30 days ending that day. */
export const analyticsDailyActive = pgTable('analytics_daily_active', {
  day: date('day', { mode: 'string' }).primaryKey(),
  dau: integer('dau').notNull(),
  wau: integer('wau').notNull(),
  mau: integer('mau').notNull(),
});

export const analyticsDailyPlugins = pgTable(
  'analytics_daily_plugins',
  {
    day: date('day', { mode: 'string' }).notNull(),
    pluginId: text('plugin_id').notNull(),
    installs: integer('installs').notNull(),
    uninstalls: integer('uninstalls').notNull(),
    uses: integer('uses').notNull(),
    users: integer('users').notNull(),
  },
  (table) => [primaryKey({ name: 'analytics_daily_plugins_pkey', columns: [table.day, table.pluginId] })],
);

/**
 * AI requests per day and model. Tokens of cache hits are kept apart: they cost nothing and,
 * priced, are the cache savings. Feedback is counted on the day it was given, for the model
 * of the request it rates.
 */
export const analyticsDailyAi = pgTable(
  'analytics_daily_ai',
  {
    day: date('day', { mode: 'string' }).notNull(),
    model: text('model').notNull(),
    requests: integer('requests').notNull(),
    errors: integer('errors').notNull(),
    cacheHits: integer('cache_hits').notNull(),
    promptTokens: bigint('prompt_tokens', { mode: 'number' }).notNull(),
    completionTokens: bigint('completion_tokens', { mode: 'number' }).notNull(),
    cachedPromptTokens: bigint('cached_prompt_tokens', { mode: 'number' }).notNull(),
    cachedCompletionTokens: bigint('cached_completion_tokens', { mode: 'number' }).notNull(),
    latencySumMs: doublePrecision('latency_sum_ms').notNull(),
    latencyP50Ms: doublePrecision('latency_p50_ms'),
    latencyP95Ms: doublePrecision('latency_p95_ms'),
    feedbackCount: integer('feedback_count').notNull(),
    correctCount: integer('correct_count').notNull(),
    ratingSum: integer('rating_sum').notNull(),
    ratingCount: integer('rating_count').notNull(),
  },
  (table) => [primaryKey({ name: 'analytics_daily_ai_pkey', columns: [table.day, table.model] })],
);

/** How far the aggregator has read analytics_events.received_at. */
export const analyticsAggregatorState = pgTable('analytics_aggregator_state', {
  id: text('id').primaryKey(),
  watermark: timestamp('watermark', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
