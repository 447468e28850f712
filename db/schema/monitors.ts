import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

export const MONITOR_METHODS = ['GET', 'HEAD', 'POST'] as const;
export const MONITOR_STATUSES = ['up', 'degraded', 'down'] as const;
export type MonitorStatus = (typeof MONITOR_STATUSES)[number];

/** HTTP probes of outside services ("monitors"). */
export const monitors = pgTable(
  'monitors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    method: text('method', { enum: MONITOR_METHODS }).notNull().default('GET'),
    expectedStatus: integer('expected_status').notNull().default(200),
    timeoutMs: integer('timeout_ms').notNull().default(10_000),
    intervalSeconds: integer('interval_seconds').notNull().default(60),
    degradedAfterMs: integer('degraded_after_ms').notNull().default(2_000),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // Scheduling and the latest result, kept on the row so the monitor list needs no aggregate.
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }).notNull().defaultNow(),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
    lastStatus: text('last_status', { enum: MONITOR_STATUSES }),
    lastResponseMs: integer('last_response_ms'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  },
  (table) => [
    check('monitors_method_check', sql`${table.method} in ('GET', 'HEAD', 'POST')`),
    check('monitors_interval_check', sql`${table.intervalSeconds} >= 30`),
    check('monitors_timeout_check', sql`${table.timeoutMs} between 100 and 60000`),
    check('monitors_last_status_check', sql`${table.lastStatus} is null or ${table.lastStatus} in ('up', 'degraded', 'down')`),
    index('monitors_due_idx').on(table.isActive, table.nextCheckAt),
  ],
);

export const monitorChecks = pgTable(
  'monitor_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    monitorId: uuid('monitor_id')
      .notNull()
      .references(() => monitors.id, { onDelete: 'cascade' }),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: MONITOR_STATUSES }).notNull(),
    responseMs: integer('response_ms'),
    httpStatus: integer('http_status'),
    error: text('error'),
  },
  (table) => [
    check('monitor_checks_status_check', sql`${table.status} in ('up', 'degraded', 'down')`),
    index('monitor_checks_monitor_time_idx').on(table.monitorId, table.checkedAt.desc()),
    index('monitor_checks_checked_at_idx').on(table.checkedAt),
  ],
);

/**
 * Checks per monitor and UTC hour, kept up to date in the statement that writes the checks
 * (lib/monitors/checks.ts), so uptime over days reads one row an hour instead of every check.
 * `ok` counts 'up' and 'degraded' checks, the uptime definition.
 */
export const monitorCheckHours = pgTable(
  'monitor_check_hours',
  {
    monitorId: uuid('monitor_id')
      .notNull()
      .references(() => monitors.id, { onDelete: 'cascade' }),
    hourStart: timestamp('hour_start', { withTimezone: true }).notNull(),
    checks: integer('checks').notNull(),
    ok: integer('ok').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.monitorId, table.hourStart] }),
    check('monitor_check_hours_counts_check', sql`${table.ok} >= 0 and ${table.ok} <= ${table.checks}`),
    // Uptime of all monitors reads a range of hours across monitors.
    index('monitor_check_hours_hour_idx').on(table.hourStart),
  ],
);

export type Monitor = typeof monitors.$inferSelect;
export type MonitorCheck = typeof monitorChecks.$inferSelect;
