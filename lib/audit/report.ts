import { and, count, desc, eq, gte, inArray, like, lt, lte, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { Db, DbOrTx } from '../../db/types';
import { afterCursor, newestFirst, withActorEmails, type AuditCursor } from './queries';
import { latestVerification } from './verify';

/** The report's sections, in the order they are printed. */
export const REPORT_SECTIONS = [
  'adminActions',
  'roleChanges',
  'securityEvents',
  'failedAndDenied',
  'dataExports',
  'apiKeyLifecycle',
  'alertRuleChanges',
] as const;

export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** Reading the trail itself: data access, not an administrative change. */
const DATA_ACCESS = ['audit.read', 'audit.export', 'audit.report'];

/**
 * Which entries each section holds. Families are matched by prefix so actions other areas add
 * later ("api_key.rotate", "alert_rule.delete", "metrics.export") land in their section
 * without a change here.
 */
export function sectionCondition(section: ReportSection): SQL {
  switch (section) {
    case 'adminActions':
      // Changes people made (only admins can change anything but their own preferences).
      return and(
        eq(auditLog.actorType, 'user'),
        eq(auditLog.outcome, 'success'),
        sql`${auditLog.action} not like 'auth.%'`,
        notInArray(auditLog.action, [...DATA_ACCESS, 'user.preferences_update', 'audit.verify']),
      )!;
    case 'roleChanges':
      return inArray(auditLog.action, ['user.role_change', 'setup.admin_created']);
    case 'securityEvents':
      return or(
        like(auditLog.action, 'auth.%'),
        like(auditLog.action, 'rate_limit.%'),
        eq(auditLog.action, 'setup.attempt_after_setup'),
        and(like(auditLog.action, 'api_key.%'), ne(auditLog.outcome, 'success')),
        eq(auditLog.action, 'audit.verify'),
        eq(auditLog.action, 'audit.retention'),
      )!;
    case 'failedAndDenied':
      return inArray(auditLog.outcome, ['failed', 'denied']);
    case 'dataExports':
      return or(like(auditLog.action, '%.export'), like(auditLog.action, '%.reveal%'), eq(auditLog.action, 'audit.report'))!;
    case 'apiKeyLifecycle':
      return like(auditLog.action, 'api_key.%');
    case 'alertRuleChanges':
      return like(auditLog.action, 'alert_rule.%');
  }
}

export interface ReportPeriod {
  /** Instants: created_at >= from and < to. */
  from: Date;
  to: Date;
}

const periodCondition = (period: ReportPeriod) => and(gte(auditLog.createdAt, period.from), lt(auditLog.createdAt, period.to))!;

const reportColumns = {
  id: auditLog.id,
  createdAt: auditLog.createdAt,
  actorType: auditLog.actorType,
  actorId: auditLog.actorId,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  outcome: auditLog.outcome,
  ip: auditLog.ip,
};

export type ReportEntry = Awaited<ReturnType<typeof sectionEntries>>[number];

async function sectionEntries(
  db: DbOrTx,
  section: ReportSection,
  period: ReportPeriod,
  limit: number,
  { before, throughId }: { before?: AuditCursor; throughId?: number } = {},
) {
  const rows = await db
    .select(reportColumns)
    .from(auditLog)
    .where(
      and(
        periodCondition(period),
        sectionCondition(section),
        before ? afterCursor(before) : undefined,
        throughId !== undefined ? lte(auditLog.id, throughId) : undefined,
      ),
    )
    .orderBy(...newestFirst)
    .limit(limit);
  return withActorEmails(db, rows);
}

export interface ReportSectionData {
  section: ReportSection;
  total: number;
  /** Counts by action and outcome: the summary line of each kind of event. */
  summary: { action: string; outcome: string; count: number }[];
  /** The newest entries, at most `entryLimit`. */
  entries: ReportEntry[];
}

export interface ComplianceReport {
  period: ReportPeriod;
  generatedAt: Date;
  sections: ReportSectionData[];
  /** The last entry of the period: its hash anchors the report to the chain. */
  anchor: { id: number; hash: string | null; createdAt: Date } | null;
  verification: Awaited<ReturnType<typeof latestVerification>>;
}

/**
 * The compliance report of a period, read in one REPEATABLE READ snapshot so its counts,
 * entries and anchor describe the same state of the log. A later verification that passes
 * through the anchor entry with the same hash proves the log still says what the report says.
 */
export async function buildComplianceReport(db: Db, period: ReportPeriod, { entryLimit = 200 }: { entryLimit?: number } = {}): Promise<ComplianceReport> {
  return db.transaction(
    async (tx) => {
      const sections: ReportSectionData[] = [];
      for (const section of REPORT_SECTIONS) {
        const where = and(periodCondition(period), sectionCondition(section));
        const summary = await tx
          .select({ action: auditLog.action, outcome: auditLog.outcome, count: count() })
          .from(auditLog)
          .where(where)
          .groupBy(auditLog.action, auditLog.outcome)
          .orderBy(desc(count()), auditLog.action);
        const total = summary.reduce((sum, row) => sum + Number(row.count), 0);
        const entries = total ? await sectionEntries(tx, section, period, entryLimit) : [];
        sections.push({ section, total, summary: summary.map((row) => ({ ...row, count: Number(row.count) })), entries });
      }
      const [anchor] = await tx
        .select({ id: auditLog.id, hash: auditLog.hash, createdAt: auditLog.createdAt })
        .from(auditLog)
        .where(lt(auditLog.createdAt, period.to))
        .orderBy(...newestFirst)
        .limit(1);
      return { period, generatedAt: new Date(), sections, anchor: anchor ?? null, verification: await latestVerification(tx) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Every entry of one section, newest first, a batch at a time (for the CSV). `throughId` (the
 * report's anchor) keeps entries written after the report was built out of it.
 */
export async function* iterateSectionEntries(
  db: DbOrTx,
  section: ReportSection,
  period: ReportPeriod,
  { batchSize = 1000, throughId }: { batchSize?: number; throughId?: number } = {},
) {
  let before: AuditCursor | undefined;
  for (;;) {
    const rows = await sectionEntries(db, section, period, batchSize, { before, throughId });
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    before = { createdAt: last.createdAt, id: last.id };
  }
}
