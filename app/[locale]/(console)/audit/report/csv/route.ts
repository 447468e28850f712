import { getFormatter, getTimeZone, getTranslations } from 'next-intl/server';
import { requirePermission, userContext } from '@/app/_server/session';
import { recordAuditAccess } from '@/lib/audit/access';
import { csvAttachment, csvStream } from '@/lib/audit/csv';
import { complianceReportCsv } from '@/lib/audit/csv-export';
import { buildComplianceReport, type ReportSection } from '@/lib/audit/report';
import { parsePeriod } from '@/lib/audit/report-period';
import { getDb } from '@/lib/db/database';
import { instrumentRoute } from '@/lib/metrics/route';
import { csvPresentation } from '../../csv-presentation';

export const dynamic = 'force-dynamic';

/** The compliance report as CSV, in the reader's language and time zone; audited as 'audit.report'. */
export const GET = instrumentRoute('GET /[locale]/audit/report/csv', async (request: Request) => {
  const user = await requirePermission('audit.read');
  const timeZone = await getTimeZone();
  const parsed = parsePeriod(Object.fromEntries(new URL(request.url).searchParams), timeZone);
  const t = await getTranslations('compliance');
  if (parsed.status !== 'ok') return Response.json({ error: 'invalid_period', message: t('invalidPeriod') }, { status: 422 });
  const db = await getDb();
  const report = await buildComplianceReport(db, parsed.period, { entryLimit: 1 });
  await recordAuditAccess(db, await userContext(user), {
    kind: 'report',
    format: 'csv',
    period: { from: parsed.from, to: parsed.to, timeZone },
    anchorId: report.anchor?.id ?? null,
  });
  const base = await csvPresentation(await getFormatter(), [
    t('csv.record'),
    t('csv.section'),
    t('csv.entry'),
    t('csv.time', { timeZone }),
    t('csv.timeUtc'),
    t('csv.actorType'),
    t('csv.actor'),
    t('csv.action'),
    t('csv.target'),
    t('csv.outcome'),
    t('csv.ip'),
    t('csv.count'),
    t('csv.detail'),
  ]);
  const present = {
    ...base,
    section: (name: ReportSection) => t(`sections.${name}.title`),
    record: {
      period: t('csv.records.period'),
      generated: t('csv.records.generated'),
      summary: t('csv.records.summary'),
      entry: t('csv.records.entry'),
      anchor: t('csv.records.anchor'),
      verification: t('csv.records.verification'),
    },
  };
  const meta = { from: parsed.from, to: parsed.to, timeZone, generatedBy: user.email };
  return new Response(csvStream(complianceReportCsv(db, report, meta, present)), {
    headers: csvAttachment(`compliance-report-${parsed.from}-${parsed.to}.csv`),
  });
});
