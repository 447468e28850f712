import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { AlertsNav } from '@/components/alerts/AlertsNav';
import { SeverityBadge } from '@/components/alerts/SeverityBadge';
import { SelectField } from '@/components/forms/SelectField';
import { EmptyState } from '@/components/shell/EmptyState';
import { PageHeader } from '@/components/shell/PageHeader';
import { listAlerts, listRules, type AlertFilters } from '@/lib/alerting/queries';
import { getDb } from '@/lib/db/database';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('alerts') };
}

const SEVERITIES = ['critical', 'warning', 'info'] as const;
const STATUSES = ['open', 'acknowledged', 'resolved'] as const;
const pick = <T extends string>(list: readonly T[], value: unknown): T | undefined => (list as readonly unknown[]).includes(value) ? (value as T) : undefined;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The AlertCenter: open alerts first (critical first), then history; filters in the URL. */
export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('console.read');
  const [nav, t, format, params, db] = await Promise.all([getTranslations('nav'), getTranslations('alertCenter'), getFormatter(), searchParams, getDb()]);
  const filters: AlertFilters = {
    severity: pick(SEVERITIES, params.severity),
    status: pick(STATUSES, params.status),
    ruleId: typeof params.rule === 'string' && UUID.test(params.rule) ? params.rule : undefined,
  };
  const [alerts, rules] = await Promise.all([listAlerts(db, filters), listRules(db)]);
  return (
    <>
      <PageHeader title={nav('alerts')} description={t('description')} />
      <AlertsNav current="center" />
      <form method="get" aria-label={t('filters')} className="mb-6 flex flex-wrap items-end gap-4">
        <SelectField name="severity" label={t('severity')} defaultValue={filters.severity ?? ''} options={[{ value: '', label: t('any') }, ...SEVERITIES.map((s) => ({ value: s, label: t(`severities.${s}`) }))]} />
        <SelectField name="status" label={t('status')} defaultValue={filters.status ?? ''} options={[{ value: '', label: t('any') }, ...STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]} />
        <SelectField name="rule" label={t('rule')} defaultValue={filters.ruleId ?? ''} options={[{ value: '', label: t('any') }, ...rules.map((r) => ({ value: r.id, label: r.ruleName }))]} />
        <button type="submit" className="rounded-md border border-field bg-canvas px-4 py-2 font-medium text-ink">
          {t('apply')}
        </button>
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
