import type { DbOrTx } from '../../db/types';
import { csvRow } from './csv';
import { iterateAuditEntries, type AuditFilter } from './queries';
import { iterateSectionEntries, REPORT_SECTIONS, type ComplianceReport, type ReportSection } from './report';

/** What the caller translates: column titles and labels in the reader's language, times in their zone. */
export interface CsvPresentation {
  columns: string[];
  localTime: (instant: Date) => string;
  actorType: (type: string) => string;
  outcome: (outcome: string) => string;
}

/** The audit log as CSV lines, newest first, one batch of rows per chunk. */
export async function* auditLogCsv(db: DbOrTx, filter: AuditFilter, present: CsvPresentation): AsyncGenerator<string> {
  yield csvRow(present.columns);
  for await (const batch of iterateAuditEntries(db, filter)) {
    yield batch
      .map((entry) =>
        csvRow([
          entry.id,
          present.localTime(entry.createdAt),
          entry.createdAt.toISOString(),
          present.actorType(entry.actorType),
          entry.actorEmail ?? entry.actorId,
          entry.action,
          entry.targetType,
          entry.targetId,
          present.outcome(entry.outcome),
          entry.ip,
          entry.requestId,
          entry.userAgent,
          entry.before === null ? null : JSON.stringify(entry.before),
          entry.after === null ? null : JSON.stringify(entry.after),
        ]),
      )
      .join('');
  }
}

export interface ReportCsvPresentation extends CsvPresentation {
  section: (section: ReportSection) => string;
  record: { period: string; generated: string; summary: string; entry: string; anchor: string; verification: string };
}

/**
 * The compliance report as CSV: the period, each section's summary then all its entries (up
 * to the anchor, so the file matches the report), and the anchor last. Columns:
 * record, section, entry, local time, UTC time, actor type, actor, action, target, outcome, IP,
 * count, hash / detail.
 */
export async function* complianceReportCsv(
  db: DbOrTx,
  report: ComplianceReport,
  meta: { from: string; to: string; timeZone: string; generatedBy: string },
  present: ReportCsvPresentation,
): AsyncGenerator<string> {
  const { record } = present;
  yield csvRow(present.columns);
  yield csvRow([record.period, null, null, meta.from, meta.to, null, null, null, null, null, null, null, meta.timeZone]);
  yield csvRow([record.generated, null, null, present.localTime(report.generatedAt), report.generatedAt.toISOString(), null, meta.generatedBy]);
  const throughId = report.anchor?.id;
  for (const name of REPORT_SECTIONS) {
    const data = report.sections.find((section) => section.section === name)!;
    const title = present.section(name);
    yield data.summary
      .map((row) => csvRow([record.summary, title, null, null, null, null, null, row.action, null, present.outcome(row.outcome), null, row.count]))
      .join('');
    if (data.total === 0 || throughId === undefined) continue;
    for await (const batch of iterateSectionEntries(db, name, report.period, { throughId })) {
      yield batch
        .map((entry) =>
          csvRow([
            record.entry,
            title,
            entry.id,
            present.localTime(entry.createdAt),
            entry.createdAt.toISOString(),
            present.actorType(entry.actorType),
            entry.actorEmail ?? entry.actorId,
            entry.action,
            entry.targetType ? `${entry.targetType}${entry.targetId ? `:${entry.targetId}` : ''}` : null,
            present.outcome(entry.outcome),
            entry.ip,
          ]),
        )
        .join('');
    }
  }
  if (report.anchor) {
    yield csvRow([record.anchor, null, report.anchor.id, present.localTime(report.anchor.createdAt), report.anchor.createdAt.toISOString(), null, null, null, null, null, null, null, report.anchor.hash]);
  }
  if (report.verification) {
    const v = report.verification;
    yield csvRow([record.verification, null, v.ok ? v.upToId : v.brokenAtId, present.localTime(v.verifiedAt), v.verifiedAt.toISOString(), null, null, null, null, v.ok ? 'success' : 'failed', null, v.entriesChecked, v.detail]);
  }
}
