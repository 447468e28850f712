import { sql } from 'drizzle-orm';
import { boolean, check, index, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';
import { alertRules } from './alert-rules';

export const SEVERITIES = ['info', 'warning', 'critical'] as const;

export const systemAlerts = pgTable(
  'system_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertRuleId: uuid('alert_rule_id').references(() => alertRules.id, { onDelete: 'set null' }),
    severity: text('severity', { enum: SEVERITIES }).notNull(),
    message: text('message').notNull(),
    resolved: boolean('resolved').notNull().default(false),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // --- issue 4: what fired, and who acknowledged it (the full story is in alert_events) ---
    value: numeric('value', { mode: 'number' }),
    threshold: numeric('threshold', { mode: 'number' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    check('system_alerts_severity_check', sql`${table.severity} in ('info', 'warning', 'critical')`),
    // At most one open alert per rule: the database itself refuses a duplicate page.
    uniqueIndex('system_alerts_one_open_per_rule_key')
      .on(table.alertRuleId)
      .where(sql`${table.resolved} = false and ${table.alertRuleId} is not null`),
    index('system_alerts_created_at_idx').on(table.createdAt.desc()),
    index('system_alerts_open_idx').on(table.resolved, table.severity, table.createdAt.desc()),
  ],
);

export type SystemAlert = typeof systemAlerts.$inferSelect;
