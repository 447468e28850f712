import type { Metadata } from 'next';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { requirePermission, userContext } from '@/app/_server/session';
import { ComplianceReportView } from '@/components/audit/ComplianceReportView';
import { PrintButton } from '@/components/audit/PrintButton';
import { ReportPeriodForm } from '@/components/audit/ReportPeriodForm';
import { PageHeader } from '@/components/shell/PageHeader';
import { recordAuditAccess } from '@/lib/audit/access';
import { buildComplianceReport } from '@/lib/audit/report';
import { getDb } from '@/lib/db/database';
import { parsePeriod } from '@/lib/audit/report-period';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('compliance'))('title') };
}

const ENTRY_LIMIT = 200;

// Printing: only the report. The console's banner and navigation, and the form, stay on screen.
const PRINT_CSS = `@media print {
  :root { --canvas: 255 255 255; --surface: 255 255 255; --ink: 0 0 0; --muted: 55 65 81; --line: 156 163 175; }
  body > header, body nav, .skip-link { display: none !important; }
  main { padding: 0 !important; }
  table { page-break-inside: auto; }
  tr, th, td { page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}`;

export default async function ComplianceReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('audit.read');
  const { locale } = await params;
  const timeZone = await getTimeZone();
  const parsed = parsePeriod(await searchParams, timeZone);
  const t = await getTranslations('compliance');
  const db = await getDb();
  const report = parsed.status === 'ok' ? await buildComplianceReport(db, parsed.period, { entryLimit: ENTRY_LIMIT }) : null;
  if (report && parsed.status === 'ok') {
    await recordAuditAccess(db, await userContext(user), {
      kind: 'report',
      format: 'html',
      period: { from: parsed.from, to: parsed.to, timeZone },
      anchorId: report.anchor?.id ?? null,
    });
  }
  const csvHref = `/${locale}/audit/report/csv?${new URLSearchParams({ from: parsed.from, to: parsed.to }).toString()}`;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <PageHeader title={t('title')} description={t('description')}>
        <a href={`/${locale}/audit`} className="text-accent underline print:hidden">
          {t('backToLog')}
        </a>
      </PageHeader>
      <ReportPeriodForm from={parsed.from} to={parsed.to} timeZone={timeZone} error={parsed.status === 'invalid' ? t('invalidPeriod') : undefined} />
      {report && (
        <>
          <div className="mb-8 flex flex-wrap items-center gap-4 print:hidden">
            <PrintButton />
            <a href={csvHref} download className="text-accent underline">
              {t('downloadCsv')}
            </a>
          </div>
          <ComplianceReportView report={report} generatedBy={user.email} timeZone={timeZone} entryLimit={ENTRY_LIMIT} />
        </>
      )}
    </>
  );
}
