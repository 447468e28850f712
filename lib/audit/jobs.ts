import { and, eq, isNull } from 'drizzle-orm';
import { systemAlerts } from '../../db/schema';
import type { Db } from '../../db/types';
import { systemActor } from './context';
import { applyAuditRetention } from './retention';
import { verifyAuditChain } from './verify';

export const AUDIT_VERIFY_JOB_ID = 'audit-verify';
export const AUDIT_RETENTION_JOB_ID = 'audit-retention';

/**
 * The daily verification. A broken chain raises a critical system alert naming the entry
 * (once: an identical alert still open is not raised again). The run itself succeeds: it did
 * its work, and a retry (Inngest retries failed steps) would only verify again.
 */
export async function runAuditVerifyJob(db: Db) {
  const result = await verifyAuditChain(db, { actor: systemActor(AUDIT_VERIFY_JOB_ID), request: {} }, { trigger: 'job' });
  if (result.broken) {
    const message = `Audit chain broken at entry ${result.broken.id} (${result.broken.reason}): ${result.broken.detail}`;
    await db.transaction(async (tx) => {
      const [open] = await tx
        .select({ id: systemAlerts.id })
        .from(systemAlerts)
        .where(and(isNull(systemAlerts.alertRuleId), eq(systemAlerts.resolved, false), eq(systemAlerts.message, message)))
        .limit(1);
      if (!open) await tx.insert(systemAlerts).values({ severity: 'critical', message });
    });
  }
  return {
    ok: result.ok,
    upToId: result.upToId,
    entriesChecked: result.entriesChecked,
    brokenAtId: result.broken?.id ?? null,
    reason: result.broken?.reason ?? null,
  };
}

export async function runAuditRetentionJob(db: Db, now: Date) {
  const result = await applyAuditRetention(db, { now });
  return {
    removedCount: result.removedCount,
    removedBefore: result.removedBefore.toISOString(),
    removedThroughId: 'removedThroughId' in result ? result.removedThroughId : null,
  };
}
