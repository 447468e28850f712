import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { SeverityBadge } from '@/components/alerts/SeverityBadge';
import { EmptyState } from '@/components/shell/EmptyState';
import { AlertsNav } from '@/components/alerts/AlertsNav';
import { PageHeader } from '@/components/shell/PageHeader';
import { ExpireSilenceButton, SilenceForm } from '@/components/silences/SilenceForm';
import { SEVERITIES } from '@/db/schema';
import { localDateTimeInput } from '@/lib/alerting/alert-search';
import { listRules } from '@/lib/alerting/queries';
import { listSilences, silenceableMetricTypes, type SilenceListItem } from '@/lib/alerting/silence-list';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db/database';
import { createSilenceAction, expireSilenceAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('silences'))('title') };
}

const TWO_HOURS = 2 * 60 * 60 * 1000;

/**
 * Alerts > Silences: admins silence one rule, or everything matching a severity and/or
 * metric type, until a time; silenced alerts are still recorded, not notified. Everyone
 * with console access sees what is silenced, by whom and why.
 */
export default async function SilencesPage() {
  const user = await requirePermission('console.read');
  const [t, tc, format, db] = await Promise.all([getTranslations('silences'), getTranslations('alertCenter'), getFormatter(), getDb()]);
  const now = new Date();
  const canManage = can(user.role, 'alerts.manage');
  const [{ active, history }, rules, metricTypes] = await Promise.all([listSilences(db, now), listRules(db), silenceableMetricTypes(db)]);
  const when = (date: Date) => <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' })}</time>;
  const describe = (item: SilenceListItem) => [
    item.silence.ruleId ? t('matcherRule', { rule: item.ruleName ?? '—' }) : null,
    item.silence.metricType ? t('matcherMetric', { metric: item.silence.metricType }) : null,
  ].filter((part): part is string => part !== null);

  const table = (items: SilenceListItem[], caption: string, withActions: boolean) => (
    <div className="overflow-x-auto">
      <table className="w-full text-start">
        <caption className="mb-2 text-start font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="p-2 text-start">{t('matchers')}</th>
            <th scope="col" className="p-2 text-start">{t('reason')}</th>
            <th scope="col" className="p-2 text-start">{t('createdBy')}</th>
            <th scope="col" className="p-2 text-start">{t('until')}</th>
            <th scope="col" className="p-2 text-start">{t('state')}</th>
            {withActions && <th scope="col" className="p-2 text-start">{t('actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.silence.id} className="border-b border-line align-top">
              <td className="p-2">
                <ul className="flex flex-col gap-1">
                  {item.silence.severity && <li>{t('matcherSeverity')} <SeverityBadge severity={item.silence.severity} /></li>}
                  {describe(item).map((text) => <li key={text}>{text}</li>)}
                </ul>
              </td>
              <td className="p-2">{item.silence.reason}</td>
              <td className="p-2">{item.createdByEmail ?? t('unknownUser')}<br /><span className="text-sm text-muted">{when(item.silence.createdAt)}</span></td>
              <td className="p-2">{when(item.silence.cancelledAt ?? item.silence.endsAt)}</td>
              <td className="p-2">{t(`states.${item.state}`)}</td>
              {withActions && (
                <td className="p-2">
                  <ExpireSilenceButton action={expireSilenceAction} silenceId={item.silence.id} label={[item.silence.severity ? tc(`severities.${item.silence.severity}`) : null, ...describe(item)].filter(Boolean).join(', ')} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      <p className="mb-4">
        <Link href="/alerts" className="text-accent underline">{tc('backToList')}</Link>
      </p>
      <PageHeader title={t('title')} description={t('description')} />
      <AlertsNav current="silences" />
      {canManage && (
        <section aria-labelledby="new-silence-title" className="mb-10 max-w-2xl">
          <h2 id="new-silence-title" className="mb-4 text-lg font-semibold">{t('createTitle')}</h2>
          <SilenceForm
            action={createSilenceAction}
            rules={rules.map((r) => ({ value: r.id, label: r.ruleName }))}
            severities={SEVERITIES.map((s) => ({ value: s, label: tc(`severities.${s}`) }))}
            metricTypes={metricTypes.map((m) => ({ value: m, label: m }))}
            defaultEndsAt={localDateTimeInput(new Date(now.getTime() + TWO_HOURS), user.timeZone)}
            timeZone={user.timeZone}
          />
        </section>
      )}
      <section aria-labelledby="active-silences-title" className="mb-10">
        <h2 id="active-silences-title" className="mb-4 text-lg font-semibold">{t('activeTitle')}</h2>
        {active.length === 0 ? <EmptyState title={t('noActiveTitle')} body={t('noActiveBody')} headingLevel={3} /> : table(active, t('activeCaption'), canManage)}
      </section>
      <section aria-labelledby="silence-history-title">
        <h2 id="silence-history-title" className="mb-4 text-lg font-semibold">{t('historyTitle')}</h2>
        {history.length === 0 ? <p className="text-muted">{t('noHistory')}</p> : table(history, t('historyCaption'), false)}
      </section>
    </>
  );
}
