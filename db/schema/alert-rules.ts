import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { userRoles } from './user-roles';

export const ALERT_CONDITIONS = ['greater_than', 'less_than'] as const;

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
  },
  (table) => [
    check('alert_rules_condition_check', sql`${table.condition} in ('greater_than', 'less_than')`),
    index('alert_rules_active_metric_idx').on(table.isActive, table.metricType),
  ],
);

export type AlertRule = typeof alertRules.$inferSelect;
