import { auditLog } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import type { AuditAction } from './actions';
import type { MutationContext } from './context';
import { maskSecrets } from './mask';

export interface AuditEntry {
  action: AuditAction;
  outcome?: 'success' | 'denied' | 'failed';
  target?: { type: string; id?: string | null };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Writes one audit entry with the given transaction, so a change and its entry commit or
 * fail together. Pass the transaction of the change, never a fresh connection.
 */
export async function recordAudit(tx: DbOrTx, context: MutationContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorType: context.actor.type,
    actorId: context.actor.id ?? null,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    before: entry.before ? maskSecrets(entry.before) : null,
    after: entry.after ? maskSecrets(entry.after) : null,
    requestId: context.request.requestId ?? null,
    ip: context.request.ip ?? null,
    userAgent: context.request.userAgent?.slice(0, 512) ?? null,
    outcome: entry.outcome ?? 'success',
  });
}
