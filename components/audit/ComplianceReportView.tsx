import { getFormatter, getTranslations } from 'next-intl/server';
import type { ComplianceReport, ReportSectionData } from '@/lib/audit/report';
import { ActorCell } from './ActorCell';

async function Section({ data, entryLimit }: { data: ReportSectionData; entryLimit: number }) {
  const t = await getTranslations('compliance');
  const audit = await getTranslations('audit');
  const format = await getFormatter();
  const title = t(`sections.${data.section}.title`);
  const headingId = `section-${data.section}`;
  return (
    <section aria-labelledby={headingId} className="mb-10 break-inside-avoid-page">
      <h2 id={headingId} className="text-xl font-semibold">
        {title}
      </h2>
      <p className="mb-3 text-muted">{t(`sections.${data.section}.description`)}</p>
      <p className="mb-3 font-medium">{t('total', { count: data.total })}</p>
      {data.total > 0 && (
        <>
          <div className="mb-4 overflow-x-auto">
            <table className="w-full max-w-2xl border-collapse text-start text-sm">
              <caption className="mb-2 text-start font-semibold">{t('summaryCaption', { section: title })}</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="p-2 text-start">{audit('action')}</th>
                  <th scope="col" className="p-2 text-start">{audit('outcome')}</th>
                  <th scope="col" className="p-2 text-end">{t('count')}</th>
                </tr>
              </thead>
              <tbody>
                {data.summary.map((row) => (
                  <tr key={`${row.action}:${row.outcome}`} className="border-b border-line">
                    <th scope="row" className="p-2 text-start font-mono font-normal"><bdi>{row.action}</bdi></th>
                    <td className="p-2">{audit.has(`outcomes.${row.outcome}` as never) ? audit(`outcomes.${row.outcome}` as never) : row.outcome}</td>
                    <td className="p-2 text-end">{format.number(row.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-start text-sm">
              <caption className="mb-2 text-start font-semibold">{t('entriesCaption', { section: title })}</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="p-2 text-start">{audit('entry')}</th>
                  <th scope="col" className="p-2 text-start">{audit('time')}</th>
                  <th scope="col" className="p-2 text-start">{audit('actor')}</th>
                  <th scope="col" className="p-2 text-start">{audit('action')}</th>
                  <th scope="col" className="p-2 text-start">{audit('target')}</th>
                  <th scope="col" className="p-2 text-start">{audit('outcome')}</th>
                  <th scope="col" className="p-2 text-start">{audit('ip')}</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((entry) => (
                  <tr key={entry.id} className="border-b border-line align-top">
                    <td className="p-2">{format.number(entry.id, { useGrouping: false })}</td>
                    <td className="whitespace-nowrap p-2">
                      <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</time>
                    </td>
                    <td className="p-2">
                      <ActorCell actorType={entry.actorType} actorId={entry.actorId} actorEmail={entry.actorEmail} />
                    </td>
                    <td className="p-2 font-mono"><bdi>{entry.action}</bdi></td>
                    <td className="p-2">{entry.targetType ? <bdi>{`${entry.targetType}${entry.targetId ? `: ${entry.targetId}` : ''}`}</bdi> : '—'}</td>
                    <td className="whitespace-nowrap p-2">{audit.has(`outcomes.${entry.outcome}` as never) ? audit(`outcomes.${entry.outcome}` as never) : entry.outcome}</td>
                    <td className="p-2">{entry.ip ? <bdi>{entry.ip}</bdi> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.total > data.entries.length && (
              <p className="mt-2 text-sm text-muted">{t('truncated', { shown: Math.min(entryLimit, data.entries.length), total: data.total })}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** The printable body of the report: metadata, one section per kind of event, the chain anchor. */
export async function ComplianceReportView({
  report,
  generatedBy,
  timeZone,
  entryLimit,
}: {
  report: ComplianceReport;
  generatedBy: string;
  timeZone: string;
  entryLimit: number;
}) {
  const t = await getTranslations('compliance');
  const format = await getFormatter();
  const lastDay = new Date(report.period.to.getTime() - 1);
  return (
    <article aria-labelledby="report-title">
      <header className="mb-8 border-b border-line pb-4">
        <h2 id="report-title" className="text-xl font-semibold">
          {t('periodTitle', {
            from: format.dateTime(report.period.from, { dateStyle: 'long' }),
            to: format.dateTime(lastDay, { dateStyle: 'long' }),
          })}
        </h2>
        <p>{t('generated', { time: format.dateTime(report.generatedAt, { dateStyle: 'long', timeStyle: 'long' }), name: generatedBy })}</p>
        <p>{t('timeZone', { timeZone })}</p>
      </header>
      {report.sections.map((section) => (
        <Section key={section.section} data={section} entryLimit={entryLimit} />
      ))}
      <section aria-labelledby="report-anchor" className="break-inside-avoid-page border-t border-line pt-4">
        <h2 id="report-anchor" className="text-xl font-semibold">
          {t('anchor.heading')}
        </h2>
        {report.anchor ? (
          <>
            <p>{t('anchor.body', { id: String(report.anchor.id), time: format.dateTime(report.anchor.createdAt, { dateStyle: 'long', timeStyle: 'long' }) })}</p>
            <p className="my-2 break-all font-mono text-sm">
              <bdi>{report.anchor.hash ?? t('anchor.noHash')}</bdi>
            </p>
            <p className="text-muted">{t('anchor.howToCheck', { id: String(report.anchor.id) })}</p>
          </>
        ) : (
          <p>{t('anchor.none')}</p>
        )}
        <p className="mt-2">
          {report.verification
            ? report.verification.ok
              ? t('anchor.verifiedUpTo', {
                  id: String(report.verification.upToId ?? ''),
                  time: format.dateTime(report.verification.verifiedAt, { dateStyle: 'long', timeStyle: 'long' }),
                })
              : t('anchor.verifyBroken', {
                  id: String(report.verification.brokenAtId ?? ''),
                  time: format.dateTime(report.verification.verifiedAt, { dateStyle: 'long', timeStyle: 'long' }),
                })
            : t('anchor.neverVerified')}
        </p>
      </section>
    </article>
  );
}
