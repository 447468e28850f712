import type { Metadata } from 'next';
import { getFormatter, getTimeZone, getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { AlertsNav } from '@/components/alerts/AlertsNav';
import { SeverityBadge } from '@/components/alerts/SeverityBadge';
import { SelectField } from '@/components/forms/SelectField';
import { EmptyState } from '@/components/shell/EmptyState';
import { PageHeader } from '@/components/shell/PageHeader';
import { ALERT_PERIODS, ALERT_STATUSES, parseAlertSearch } from '@/lib/alerting/alert-search';
import { listAlerts, listRules } from '@/lib/alerting/queries';
import { getDb } from '@/lib/db/database';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('alerts') };
}

const SEVERITIES = ['critical', 'warning', 'info'] as const;
const field = 'rounded-md border border-field bg-canvas px-3 py-2 text-ink';

/** The AlertCenter: open alerts first (critical first), then history; filters in the URL. */
export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('console.read');
  const [nav, t, tf, format, params, timeZone, db] = await Promise.all([getTranslations('nav'), getTranslations('alertCenter'), getTranslations('alertFilters'), getFormatter(), searchParams, getTimeZone(), getDb()]);
  const { filters, values, problems } = parseAlertSearch(params, timeZone, new Date());
  const [alerts, rules] = await Promise.all([listAlerts(db, filters), listRules(db)]);
  return (
    <>
      <PageHeader title={nav('alerts')} description={t('description')} />
      <AlertsNav current="center" />
      {/* Keyed by the filters: a client-side navigation (Clear filters) remounts the fields with the new defaults. */}
      <form key={JSON.stringify(values)} method="get" aria-label={t('filters')} className="mb-6 flex flex-wrap items-end gap-4">
        <SelectField name="severity" label={t('severity')} defaultValue={filters.severity ?? ''} options={[{ value: '', label: t('any') }, ...SEVERITIES.map((s) => ({ value: s, label: t(`severities.${s}`) }))]} />
        <SelectField name="status" label={t('status')} defaultValue={filters.status ?? ''} options={[{ value: '', label: t('any') }, ...ALERT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]} />
        <SelectField name="rule" label={t('rule')} defaultValue={filters.ruleId ?? ''} options={[{ value: '', label: t('any') }, ...rules.map((r) => ({ value: r.id, label: r.ruleName }))]} />
        <SelectField name="period" label={tf('period')} defaultValue={values.period} options={ALERT_PERIODS.map((p) => ({ value: p, label: tf(`periods.${p}`) }))} />
        <fieldset className="flex flex-wrap items-end gap-4 border-0 p-0">
          <legend className="sr-only">{tf('range')}</legend>
          <div className="flex flex-col gap-1">
            <label htmlFor="alerts-from" className="font-medium">{tf('from')}</label>
            <input id="alerts-from" name="from" type="datetime-local" defaultValue={values.from} aria-describedby="alerts-range-hint" aria-invalid={problems.includes('fromInvalid') || problems.includes('fromAfterTo') ? true : undefined} className={field} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="alerts-to" className="font-medium">{tf('to')}</label>
            <input id="alerts-to" name="to" type="datetime-local" defaultValue={values.to} aria-describedby="alerts-range-hint" aria-invalid={problems.includes('toInvalid') ? true : undefined} className={field} />
          </div>
        </fieldset>
        <button type="submit" className="rounded-md border border-field bg-canvas px-4 py-2 font-medium text-ink">
          {t('apply')}
        </button>
        <Link href="/alerts" className="px-2 py-2 text-accent underline">{tf('clear')}</Link>
        <p id="alerts-range-hint" className="w-full text-sm text-muted">
          {tf('rangeHint', { timeZone })}
          {problems.map((problem) => (
            <span key={problem} className="ms-2 font-medium text-danger">{tf(`problems.${problem}`)}</span>
          ))}
        </p>
      </form>
      {alerts.length === 0 ? (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-start">
            <caption className="mb-2 text-start font-semibold">{t('tableCaption')}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="p-2 text-start">{t('severity')}</th>
                <th scope="col" className="p-2 text-start">{t('rule')}</th>
                <th scope="col" className="p-2 text-start">{t('status')}</th>
                <th scope="col" className="p-2 text-start">{t('started')}</th>
                <th scope="col" className="p-2 text-start">{t('value')}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map(({ alert, ruleName }) => {
                const status = alert.resolved ? 'resolved' : alert.acknowledgedAt ? 'acknowledged' : 'open';
                return (
                  <tr key={alert.id} className="border-b border-line">
                    <td className="p-2"><SeverityBadge severity={alert.severity} /></td>
                    <td className="p-2">
                      <Link href={`/alerts/${alert.id}`} className="text-accent underline">
                        {ruleName ?? alert.message}
                      </Link>
                    </td>
                    <td className="p-2">{t(`statuses.${status}`)}</td>
                    <td className="p-2"><time dateTime={alert.createdAt.toISOString()}>{format.dateTime(alert.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time></td>
                    <td className="p-2">
                      {alert.value === null ? '—' : format.number(alert.value, { maximumFractionDigits: 3 })}
                      {alert.threshold !== null && <span className="text-muted"> / {format.number(alert.threshold, { maximumFractionDigits: 3 })}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
