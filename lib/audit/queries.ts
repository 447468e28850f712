import { and, desc, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditLog, users } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import type { AuditAction } from './actions';

export interface AuditFilter {
  /** Matches the actor's id exactly or the acting user's email (case-insensitive, partial). */
  actor?: string;
  action?: AuditAction;
  /** Cursor: entries older than this id. */
  beforeId?: number;
  limit?: number;
}

/** Newest first, keyset-paged on the identity id (fast however deep the page). */
export async function listAuditEntries(db: DbOrTx, filter: AuditFilter = {}) {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.beforeId) conditions.push(lt(auditLog.id, filter.beforeId));
  if (filter.actor) {
    const pattern = `%${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(eq(auditLog.actorId, filter.actor), ilike(users.email, pattern))!);
  }
  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      actorEmail: users.email,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      outcome: auditLog.outcome,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(auditLog.actorType, 'user'), eq(sql`${users.id}::text`, auditLog.actorId)))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? entries[entries.length - 1]!.id : undefined;
  return { entries, nextCursor };
}

export type AuditListEntry = Awaited<ReturnType<typeof listAuditEntries>>['entries'][number];
