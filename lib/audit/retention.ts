import { asc, count, desc, gte, lt, lte, sql } from 'drizzle-orm';
import { auditAnchors, auditLog } from '../../db/schema';
import type { Db } from '../../db/types';
import { getSetting } from '../settings/settings';
import { AUDIT_CHAIN_LOCK_KEY, GENESIS_HASH } from './chain';
import { systemActor } from './context';
import { recordAudit } from './record';

const DAY_MS = 24 * 60 * 60 * 1000;

export type RetentionResult =
  | { removedCount: 0; removedBefore: Date }
  | { removedCount: number; removedBefore: Date; removedThroughId: number; anchorHash: string; anchorId: string };

/** Retention removes whole UTC days: everything before 00:00 UTC of the day `days` ago. */
export function retentionCutoff(now: Date, days: number): Date {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  return new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth(), cutoff.getUTCDate()));
}

/**
 * The one path that removes audit entries. In a single transaction it
 * 1. takes the chain lock, so no entry is appended while the prefix is cut;
 * 2. picks the removable prefix: every entry below the first one created on or after the
 *    cutoff (a prefix, so the remaining chain stays contiguous; with the database clock
 *    created_at follows id order, so in practice this is exactly "older than the cutoff");
 * 3. records an audit_anchors row with the hash of the last removed entry: the first remaining
 *    entry's prev_hash, where verification now starts;
 * 4. deletes with `SET LOCAL session_replication_role = replica`, which skips the append-only
 *    trigger for this transaction only (ALTER TABLE ... DISABLE TRIGGER would take an
 *    exclusive lock and change the table for every session until re-enabled);
 * 5. writes an 'audit.retention' entry saying what it removed.
 * On Postgres, setting session_replication_role needs a superuser or, from Postgres 15,
 * `GRANT SET ON PARAMETER session_replication_role TO <app role>`.
 */
export async function applyAuditRetention(
  db: Db,
  { now, retentionDays }: { now: Date; retentionDays?: number },
): Promise<RetentionResult> {
  const days = retentionDays ?? (await getSetting(db, 'audit.retention_days'));
  const removedBefore = retentionCutoff(now, days);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
    const [firstKept] = await tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(gte(auditLog.createdAt, removedBefore))
      .orderBy(asc(auditLog.id))
      .limit(1);
    const [lastRemoved] = await tx
      .select({ id: auditLog.id, hash: auditLog.hash })
      .from(auditLog)
      .where(firstKept ? lt(auditLog.id, firstKept.id) : undefined)
      .orderBy(desc(auditLog.id))
      .limit(1);
    if (!lastRemoved) return { removedCount: 0, removedBefore };

    const [previousAnchor] = await tx.select().from(auditAnchors).orderBy(desc(auditAnchors.removedThroughId)).limit(1);
    // An entry from before the chain has no hash; the chain then starts where it started.
    const anchorHash = lastRemoved.hash ?? previousAnchor?.anchorHash ?? GENESIS_HASH;
    const [counted] = await tx.select({ n: count() }).from(auditLog).where(lte(auditLog.id, lastRemoved.id));
    const removedCount = Number(counted?.n ?? 0);

    const [anchor] = await tx
      .insert(auditAnchors)
      .values({ removedThroughId: lastRemoved.id, anchorHash, removedBefore, removedCount })
      .returning({ id: auditAnchors.id });
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.delete(auditLog).where(lte(auditLog.id, lastRemoved.id));
    await tx.execute(sql`set local session_replication_role = origin`);

    await recordAudit(tx, { actor: systemActor('audit-retention'), request: {} }, {
      action: 'audit.retention',
      target: { type: 'audit_log', id: String(lastRemoved.id) },
      after: {
        retentionDays: days,
        removedBefore: removedBefore.toISOString(),
        removedThroughId: lastRemoved.id,
        removedCount,
        anchorHash,
        anchorId: anchor!.id,
      },
    });
    return { removedCount, removedBefore, removedThroughId: lastRemoved.id, anchorHash, anchorId: anchor!.id };
  });
}
