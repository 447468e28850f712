import { asc, desc, eq, gt, lt } from 'drizzle-orm';
import { auditAnchors, auditLog, auditVerifications } from '../../db/schema';
import type { Db, Tx } from '../../db/types';
import { entryHash, GENESIS_HASH } from './chain';
import type { MutationContext } from './context';
import { recordAudit } from './record';

export type BrokenLinkReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'gap';

export interface BrokenLink {
  /** The first entry whose link does not hold (for a gap: the first entry after it, or the missing id). */
  id: number;
  reason: BrokenLinkReason;
  detail: string;
}

export interface ChainWalk {
  ok: boolean;
  /** The last entry checked (the chain head when ok). */
  upToId: number | null;
  upToHash: string | null;
  entriesChecked: number;
  /** Entries written before the chain existed (hash null), before the first chained entry. */
  legacyEntries: number;
  /** The retention anchor the walk started from, if any. */
  anchorThroughId: number | null;
  broken?: BrokenLink;
}

export type VerifyTrigger = 'job' | 'manual';

export interface VerifyOptions {
  /** Start at this entry (its predecessor must be intact); default: the latest anchor, or the start. */
  fromId?: number;
  batchSize?: number;
}

const DEFAULT_BATCH = 2000;

/**
 * Walks the chain in id order, batch by batch (memory stays bounded however long the log),
 * and stops at the first broken link:
 * - hash_mismatch: the entry's stored hash is not the hash of its content (it was edited);
 * - prev_hash_mismatch: the entry's prev_hash is not the hash of the entry before it, with no
 *   id missing in between (an entry before it was rewritten, hash and all, or reordered);
 * - gap: as above, with ids missing in between, or an entry a previous verification saw is
 *   gone (entries were removed outside retention).
 * Ids themselves may skip (a rolled-back transaction consumes one); only links count.
 *
 * Runs in one read-only REPEATABLE READ transaction, so retention removing the oldest
 * period mid-walk cannot make the anchor and the first remaining entry disagree.
 */
export async function walkAuditChain(db: Db, options: VerifyOptions = {}): Promise<ChainWalk> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  return db.transaction(
    async (tx) => {
      const [anchor] = await tx.select().from(auditAnchors).orderBy(desc(auditAnchors.removedThroughId)).limit(1);
      const anchorThroughId = anchor?.removedThroughId ?? null;
      const chainStart = anchor?.anchorHash ?? GENESIS_HASH;
      // An entry a previous successful verification checked must still be there.
      const [lastOk] = await tx
        .select({ upToId: auditVerifications.upToId })
        .from(auditVerifications)
        .where(eq(auditVerifications.ok, true))
        .orderBy(desc(auditVerifications.upToId))
        .limit(1);
      let mustSee = lastOk?.upToId != null && lastOk.upToId > (anchorThroughId ?? 0) ? lastOk.upToId : null;

      let afterId = anchorThroughId ?? 0;
      let expectedPrev: string | null = chainStart;
      let chained = false;
      if (options.fromId && options.fromId - 1 > afterId) {
        afterId = options.fromId - 1;
        const [previous] = await tx
          .select({ id: auditLog.id, hash: auditLog.hash })
          .from(auditLog)
          .where(lt(auditLog.id, options.fromId))
          .orderBy(desc(auditLog.id))
          .limit(1);
        if (previous && previous.id > (anchorThroughId ?? 0)) {
          chained = previous.hash !== null;
          expectedPrev = previous.hash ?? chainStart;
        }
        if (mustSee !== null && mustSee < options.fromId) mustSee = null;
      }

      const walk: ChainWalk = { ok: true, upToId: null, upToHash: null, entriesChecked: 0, legacyEntries: 0, anchorThroughId };
      let previousId: number | null = afterId > 0 ? afterId : null;
      const fail = (broken: BrokenLink): ChainWalk => ({ ...walk, ok: false, broken });

      for (;;) {
        const rows = await tx.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(batchSize);
        for (const row of rows) {
          if (mustSee !== null && row.id > mustSee) {
            return fail({ id: mustSee, reason: 'gap', detail: `entry ${mustSee}, checked by an earlier verification, is missing` });
          }
          if (row.id === mustSee) mustSee = null;
          if (row.hash === null) {
            // Entries from before the chain existed may only precede it.
            if (!chained) {
              walk.legacyEntries += 1;
              previousId = row.id;
              continue;
            }
            return fail({ id: row.id, reason: 'hash_mismatch', detail: `entry ${row.id} has no hash inside the chain` });
          }
          const computed = entryHash({ ...row, prevHash: row.prevHash ?? '' });
          if (computed !== row.hash) {
            return fail({ id: row.id, reason: 'hash_mismatch', detail: `entry ${row.id}: stored hash does not match its content` });
          }
          if (row.prevHash !== expectedPrev) {
            const missing = previousId !== null && row.id - previousId > 1;
            return fail({
              id: row.id,
              reason: missing ? 'gap' : 'prev_hash_mismatch',
              detail: missing
                ? `entry ${row.id}: prev_hash does not match entry ${previousId}; entries between them are missing`
                : `entry ${row.id}: prev_hash does not match the hash of ${previousId === null ? 'the chain start' : `entry ${previousId}`}`,
            });
          }
          chained = true;
          expectedPrev = row.hash;
          previousId = row.id;
          walk.entriesChecked += 1;
          walk.upToId = row.id;
          walk.upToHash = row.hash;
        }
        if (rows.length < batchSize) break;
        afterId = rows[rows.length - 1]!.id;
      }
      if (mustSee !== null) {
        return fail({ id: mustSee, reason: 'gap', detail: `entry ${mustSee}, checked by an earlier verification, is missing` });
      }
      return walk;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export interface VerificationRecord extends ChainWalk {
  verificationId: string;
  verifiedAt: Date;
}

/**
 * Verifies the chain and records the result: an audit_verifications row ("verified up to
 * entry N at time T") and an 'audit.verify' audit entry, in one transaction.
 */
export async function verifyAuditChain(
  db: Db,
  context: MutationContext,
  { trigger, ...options }: VerifyOptions & { trigger: VerifyTrigger },
): Promise<VerificationRecord> {
  const walk = await walkAuditChain(db, options);
  return db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .insert(auditVerifications)
      .values({
        upToId: walk.upToId,
        entriesChecked: walk.entriesChecked,
        ok: walk.ok,
        brokenAtId: walk.broken?.id ?? null,
        detail: walk.broken ? `${walk.broken.reason}: ${walk.broken.detail}` : null,
        trigger,
      })
      .returning({ id: auditVerifications.id, verifiedAt: auditVerifications.verifiedAt });
    await recordAudit(tx, context, {
      action: 'audit.verify',
      outcome: walk.ok ? 'success' : 'failed',
      target: { type: 'audit_chain', id: walk.broken ? String(walk.broken.id) : walk.upToId === null ? null : String(walk.upToId) },
      after: {
        trigger,
        ok: walk.ok,
        upToId: walk.upToId,
        entriesChecked: walk.entriesChecked,
        fromId: options.fromId ?? null,
        brokenAtId: walk.broken?.id ?? null,
        reason: walk.broken?.reason ?? null,
      },
    });
    return { ...walk, verificationId: row!.id, verifiedAt: row!.verifiedAt };
  });
}

export type AuditVerification = typeof auditVerifications.$inferSelect;

export async function latestVerification(db: Db | Tx): Promise<AuditVerification | null> {
  const [row] = await db.select().from(auditVerifications).orderBy(desc(auditVerifications.verifiedAt)).limit(1);
  return row ?? null;
}
