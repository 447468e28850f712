import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, doublePrecision, index, integer, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { apiKeys } from './api-keys';
import { users } from './users';

/**
 * GCRA state of the Postgres limiter store: one row per limiter key holding its theoretical
 * arrival time (ms since the epoch). One INSERT .. ON CONFLICT DO UPDATE decides a request,
 * so every app instance shares the limit. `allowed` is the last decision, returned by the
 * same statement (RETURNING cannot tell an unchanged row from an updated one otherwise).
 */
export const rateLimitState = pgTable(
  'rate_limit_state',
  {
    key: text('key').primaryKey(),
    tatMs: doublePrecision('tat_ms').notNull(),
    allowed: boolean('allowed').notNull(),
  },
  (table) => [index('rate_limit_state_tat_idx').on(table.tatMs)],
);

export const RATE_LIMIT_SUBJECTS = ['user', 'api_key', 'ip'] as const;
export type RateLimitSubject = (typeof RATE_LIMIT_SUBJECTS)[number];

/**
 * An admin's override of one identity's limit for one endpoint group ('*' = every group):
 * a limit of its own (raise or lower) or a block. Optional expiry.
 */
export const rateLimitOverrides = pgTable(
  'rate_limit_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: text('subject_type', { enum: RATE_LIMIT_SUBJECTS }).notNull(),
    subjectId: text('subject_id').notNull(),
    policyGroup: text('policy_group').notNull().default('*'),
    blocked: boolean('blocked').notNull().default(false),
    /** Requests per the group's window; null when blocked. */
    limitOverride: integer('limit_override'),
    reason: text('reason').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('rate_limit_overrides_subject_key').on(table.subjectType, table.subjectId, table.policyGroup),
    check('rate_limit_overrides_subject_check', sql`${table.subjectType} in ('user', 'api_key', 'ip')`),
    check('rate_limit_overrides_shape_check', sql`${table.blocked} or ${table.limitOverride} >= 0`),
  ],
);

/** Monthly quota of an API key (units: requests on /api/v1/*). No row: the default quota. */
export const apiKeyQuotas = pgTable('api_key_quotas', {
  apiKeyId: uuid('api_key_id')
    .primaryKey()
    .references(() => apiKeys.id, { onDelete: 'cascade' }),
  monthlyLimit: bigint('monthly_limit', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Usage per API key per UTC month: a new period is a new row, so the count resets at the boundary. */
export const apiKeyQuotaUsage = pgTable(
  'api_key_quota_usage',
  {
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    used: bigint('used', { mode: 'number' }).notNull().default(0),
    /** Set once when usage first crossed 80% in this period (the warning point is written then). */
    warnedAt: timestamp('warned_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.apiKeyId, table.periodStart] })],
);

/**
 * Dynamic throttling per endpoint group: limits are multiplied by `factor` (1 = normal) while
 * the group's error rate or p95 breaches its level.
 */
export const throttleState = pgTable('throttle_state', {
  policyGroup: text('policy_group').primaryKey(),
  factor: real('factor').notNull().default(1),
  reason: text('reason'),
  errorRate: real('error_rate'),
  p95Ms: real('p95_ms'),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  /** Consecutive healthy evaluations since the last tightening (relax after enough of them). */
  healthyRuns: integer('healthy_runs').notNull().default(0),
});

/** Tags of L2 cache entries in performance_cache, for invalidation by tag. */
export const cacheTags = pgTable(
  'cache_tags',
  {
    tag: text('tag').notNull(),
    cacheKey: text('cache_key').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tag, table.cacheKey] }), index('cache_tags_cache_key_idx').on(table.cacheKey)],
);

export type RateLimitOverride = typeof rateLimitOverrides.$inferSelect;
export type ThrottleStateRow = typeof throttleState.$inferSelect;
