import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const ACTOR_TYPES = ['user', 'api_key', 'system', 'webhook', 'anonymous'] as const;
export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;

/**
 * Append-only: a trigger in the migration refuses UPDATE and DELETE.
 * The identity id gives the total order the hash chain (a later issue) will follow.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorType: text('actor_type', { enum: ACTOR_TYPES }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    outcome: text('outcome', { enum: AUDIT_OUTCOMES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Hash chain (tamper evidence): hash = SHA-256(canonical JSON of the entry + prev_hash).
    // Null only on entries written before the chain existed.
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (table) => [
    check('audit_log_actor_type_check', sql`${table.actorType} in ('user', 'api_key', 'system', 'webhook', 'anonymous')`),
    check('audit_log_outcome_check', sql`${table.outcome} in ('success', 'denied', 'failed')`),
    index('audit_log_created_idx').on(table.createdAt.desc(), table.id.desc()),
    index('audit_log_actor_idx').on(table.actorType, table.actorId, table.id.desc()),
    index('audit_log_action_idx').on(table.action, table.id.desc()),
    index('audit_log_target_idx').on(table.targetType, table.targetId, table.id.desc()),
    index('audit_log_outcome_idx').on(table.outcome, table.id.desc()),
  ],
);

export type AuditLogEntry = typeof auditLog.$inferSelect;
