import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid, doublePrecision } from 'drizzle-orm/pg-core';
import { users } from './users';

/** 1 `base` = `rate` `quote` on `day` (UTC), maintained by admins or imported from CSV. */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    day: date('day', { mode: 'string' }).notNull(),
    base: text('base').notNull(),
    quote: text('quote').notNull(),
    rate: numeric('rate', { precision: 20, scale: 10, mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: 'exchange_rates_pkey', columns: [table.day, table.base, table.quote] }),
    check('exchange_rates_rate_positive', sql`${table.rate} > 0`),
  ],
);

/** Price per 1,000 prompt and completion tokens of an AI model, in USD. */
export const modelPrices = pgTable(
  'model_prices',
  {
    model: text('model').primaryKey(),
    promptPer1kUsd: numeric('prompt_per_1k_usd', { precision: 14, scale: 8, mode: 'number' }).notNull(),
    completionPer1kUsd: numeric('completion_per_1k_usd', { precision: 14, scale: 8, mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('model_prices_non_negative', sql`${table.promptPer1kUsd} >= 0 and ${table.completionPer1kUsd} >= 0`)],
);

export interface FunnelStep {
  event: string;
  property?: { key: string; value: string };
}

export const funnels = pgTable('funnels', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  steps: jsonb('steps').$type<FunnelStep[]>().notNull(),
  windowHours: integer('window_hours').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One trained churn model per run; the newest is shown with its predictions. */
export const churnModels = pgTable('churn_models', {
  id: uuid('id').primaryKey().defaultRandom(),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
  auc: doublePrecision('auc').notNull(),
  baselineAuc: doublePrecision('baseline_auc').notNull(),
  trainSize: integer('train_size').notNull(),
  testSize: integer('test_size').notNull(),
  /** Feature names, standardisation (mean, sd) and weights: enough to score again. */
  model: jsonb('model').$type<{ features: string[]; means: number[]; sds: number[]; weights: number[]; bias: number }>().notNull(),
});

export const churnPredictions = pgTable(
  'churn_predictions',
  {
    modelId: uuid('model_id')
      .notNull()
      .references(() => churnModels.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    probability: doublePrecision('probability').notNull(),
    /** Each feature's contribution to the log-odds, largest first. */
    contributions: jsonb('contributions').$type<Array<{ feature: string; value: number; contribution: number }>>().notNull(),
  },
  (table) => [primaryKey({ name: 'churn_predictions_pkey', columns: [table.modelId, table.userId] })],
);
