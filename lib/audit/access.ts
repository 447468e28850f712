import type { Db } from '../../db/types';
import type { MutationContext } from './context';
import { recordAudit } from './record';

/**
 * Reading the audit trail is itself recorded (who looked, at what): one entry per page view,
 * export or report, never one per row shown.
 */
export async function recordAuditAccess(
  db: Db,
  context: MutationContext,
  access:
    | { kind: 'list'; filter: Record<string, unknown> }
    | { kind: 'entry'; entryId: number }
    | { kind: 'export'; filter: Record<string, unknown> }
    | { kind: 'report'; format: 'html' | 'csv'; period: { from: string; to: string; timeZone: string }; anchorId: number | null },
) {
  switch (access.kind) {
    case 'list':
      return recordAudit(db, context, { action: 'audit.read', target: { type: 'audit_log' }, after: { filter: access.filter } });
    case 'entry':
      return recordAudit(db, context, { action: 'audit.read', target: { type: 'audit_log', id: String(access.entryId) }, after: { entryId: access.entryId } });
    case 'export':
      return recordAudit(db, context, { action: 'audit.export', target: { type: 'audit_log' }, after: { format: 'csv', filter: access.filter } });
    case 'report':
      return recordAudit(db, context, {
        action: 'audit.report',
        target: { type: 'audit_log', id: access.anchorId === null ? null : String(access.anchorId) },
        after: { format: access.format, period: access.period, anchorId: access.anchorId },
      });
  }
}
