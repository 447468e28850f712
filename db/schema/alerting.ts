import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { alertRules } from './alert-rules';
import { systemAlerts } from './system-alerts';
import { users } from './users';

export const RULE_STATES = ['ok', 'pending', 'firing'] as const;

/** Evaluation state per rule (ok -> pending -> firing), kept apart from the rule's definition. */
export const alertRuleStates = pgTable('alert_rule_states', {
  ruleId: uuid('rule_id')
    .primaryKey()
    .references(() => alertRules.id, { onDelete: 'cascade' }),
  state: text('state', { enum: RULE_STATES }).notNull().default('ok'),
  pendingSince: timestamp('pending_since', { withTimezone: true }),
  firingSince: timestamp('firing_since', { withTimezone: true }),
  openAlertId: uuid('open_alert_id').references(() => systemAlerts.id, { onDelete: 'set null' }),
  lastValue: numeric('last_value', { mode: 'number' }),
  lastEvaluatedAt: timestamp('last_evaluated_at', { withTimezone: true }),
  lastNotifiedAt: timestamp('last_notified_at', { withTimezone: true }),
});

export const CHANNEL_TYPES = ['discord', 'slack', 'email', 'webhook'] as const;

/**
 * Where notifications go. Secrets (webhook URLs, SMTP passwords, signing secrets) are in
 * `secret_config`, AES-256-GCM ciphertext; `public_config` holds what may be shown.
 */
export const notificationChannels = pgTable(
  'notification_channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    type: text('type', { enum: CHANNEL_TYPES }).notNull(),
    publicConfig: jsonb('public_config').$type<Record<string, unknown>>().notNull().default({}),
    secretConfig: text('secret_config').notNull(),
    /** A masked hint of the secret ("…/abcd") so an admin can tell channels apart. */
    secretHint: text('secret_hint'),
    locale: text('locale').notNull().default('en'),
    timeZone: text('time_zone').notNull().default('UTC'),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('notification_channels_type_check', sql`${table.type} in ('discord', 'slack', 'email', 'webhook')`)],
);

export const OUTBOX_KINDS = ['firing', 'resolved', 'reminder', 'test'] as const;
export const OUTBOX_STATUSES = ['pending', 'delivered', 'failed'] as const;

/**
 * Every notification is a row here first, written in the transaction that fires or resolves
 * the alert, then delivered (and retried) from here: a crash loses nothing.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id').references(() => systemAlerts.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => notificationChannels.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull(),
    /** Sent to receivers (webhook-id, embed footer) so they can drop repeats. */
    idempotencyKey: text('idempotency_key').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Lease: a sender owns the row until then; a crashed sender's rows come back. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    lastStatusCode: integer('last_status_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** Give up after this (24 h after creation by default). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('notification_outbox_kind_check', sql`${table.kind} in ('firing', 'resolved', 'reminder', 'test')`),
    check('notification_outbox_status_check', sql`${table.status} in ('pending', 'delivered', 'failed')`),
    uniqueIndex('notification_outbox_idempotency_key').on(table.idempotencyKey),
    index('notification_outbox_due_idx').on(table.status, table.nextAttemptAt),
    index('notification_outbox_alert_idx').on(table.alertId),
  ],
);

export const notificationAttempts = pgTable(
  'notification_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    outboxId: uuid('outbox_id')
      .notNull()
      .references(() => notificationOutbox.id, { onDelete: 'cascade' }),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
    durationMs: integer('duration_ms'),
    statusCode: integer('status_code'),
    outcome: text('outcome', { enum: ['delivered', 'retry', 'failed'] }).notNull(),
    error: text('error'),
  },
  (table) => [index('notification_attempts_outbox_idx').on(table.outboxId, table.attemptedAt)],
);

/** An admin's silence: one rule, or everything matching a severity and/or metric, until a time. */
export const alertSilences = pgTable(
  'alert_silences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: uuid('rule_id').references(() => alertRules.id, { onDelete: 'cascade' }),
    severity: text('severity', { enum: ['info', 'warning', 'critical'] }),
    metricType: text('metric_type'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull().defaultNow(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (table) => [
    check('alert_silences_matcher_check', sql`${table.ruleId} is not null or ${table.severity} is not null or ${table.metricType} is not null`),
    index('alert_silences_active_idx').on(table.endsAt),
  ],
);

export const ALERT_EVENT_TYPES = [
  'pending',
  'fired',
  'notified',
  'notification_failed',
  'reminder',
  'acknowledged',
  'silenced',
  'held',
  'resolved',
] as const;

/** The timeline of an alert. */
export const alertEvents = pgTable(
  'alert_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => systemAlerts.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    type: text('type', { enum: ALERT_EVENT_TYPES }).notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (table) => [index('alert_events_alert_idx').on(table.alertId, table.at)],
);
