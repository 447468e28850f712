import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { monitors } from './monitors';
import { userRoles } from './user-roles';

export const ALERT_CONDITIONS = ['greater_than', 'less_than'] as const;
export const ALERT_AGGREGATIONS = ['avg', 'p95', 'p99', 'max', 'min', 'count', 'rate'] as const;
export const NO_DATA_STATES = ['ok', 'keep', 'alert'] as const;
export const MONITOR_CONDITIONS = ['down', 'degraded'] as const;

/**
 * The brief's columns first (rule_name ... created_by), then what real rules need
 * (issue 4): endpoint filter, aggregation over a window, pending duration, hysteresis,
 * severity, reminders, no-data behaviour, and rules on monitor status.
 */
export const alertRules = pgTable(
  'alert_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleName: text('rule_name').notNull(),
    metricType: text('metric_type').notNull(),
    threshold: numeric('threshold', { mode: 'number' }).notNull(),
    condition: text('condition', { enum: ALERT_CONDITIONS }).notNull(),
    notificationChannels: jsonb('notification_channels').$type<string[]>().notNull().default([]),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: uuid('created_by').references(() => userRoles.id, { onDelete: 'set null' }),
    // --- issue 4 ---
    description: text('description'),
    /** Exact endpoint to evaluate, or null for all endpoints of the metric type together. */
    endpoint: text('endpoint'),
    aggregation: text('aggregation', { enum: ALERT_AGGREGATIONS }).notNull().default('avg'),
    windowSeconds: integer('window_seconds').notNull().default(300),
    /** "for": the condition must hold this long before the rule fires. */
    pendingSeconds: integer('pending_seconds').notNull().default(0),
    /** Hysteresis: a firing rule resolves only past this value (null: the threshold itself). */
    recoveryThreshold: numeric('recovery_threshold', { mode: 'number' }),
    severity: text('severity', { enum: ['info', 'warning', 'critical'] }).notNull().default('warning'),
    /** Reminder while firing; null for none. */
    repeatIntervalSeconds: integer('repeat_interval_seconds'),
    noDataState: text('no_data_state', { enum: NO_DATA_STATES }).notNull().default('keep'),
    /** Inhibition: a firing critical rule holds the warnings of its group. */
    ruleGroup: text('rule_group'),
    /** Rules on monitor status instead of a metric: down/degraded for N consecutive checks. */
    monitorId: uuid('monitor_id').references(() => monitors.id, { onDelete: 'cascade' }),
    monitorCondition: text('monitor_condition', { enum: MONITOR_CONDITIONS }),
    monitorConsecutiveChecks: integer('monitor_consecutive_checks'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('alert_rules_condition_check', sql`${table.condition} in ('greater_than', 'less_than')`),
    check('alert_rules_aggregation_check', sql`${table.aggregation} in ('avg', 'p95', 'p99', 'max', 'min', 'count', 'rate')`),
    check('alert_rules_severity_check', sql`${table.severity} in ('info', 'warning', 'critical')`),
    check('alert_rules_no_data_check', sql`${table.noDataState} in ('ok', 'keep', 'alert')`),
    check('alert_rules_window_check', sql`${table.windowSeconds} between 60 and 86400`),
    check('alert_rules_pending_check', sql`${table.pendingSeconds} between 0 and 86400`),
    check(
      'alert_rules_monitor_check',
      sql`(${table.monitorId} is null) = (${table.monitorCondition} is null)`,
    ),
    index('alert_rules_active_metric_idx').on(table.isActive, table.metricType),
  ],
);

export type AlertRule = typeof alertRules.$inferSelect;
