import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { AlertsNav } from '@/components/alerts/AlertsNav';
import { DeleteRule, SetRuleActive } from '@/components/alerts/RuleRowActions';
import { SeverityBadge } from '@/components/alerts/SeverityBadge';
import { EmptyState } from '@/components/shell/EmptyState';
import { PageHeader } from '@/components/shell/PageHeader';
import { listRuleOverview } from '@/lib/alerting/rule-queries';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db/database';
import { deleteRuleAction, setRuleActiveAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('alertRules'))('title') };
}

/** Alerts > Rules: everyone who reads alerts sees the rules; admins change them. */
export default async function RulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('console.read');
  const canManage = can(user.role, 'alerts.manage');
  const [t, format, params, db] = await Promise.all([getTranslations('alertRules'), getFormatter(), searchParams, getDb()]);
  const rules = await listRuleOverview(db);
  // After a create the list names the new rule (looked up, never echoed from the URL).
  const created = typeof params.created === 'string' ? rules.find(({ rule }) => rule.id === params.created)?.rule : undefined;
  const saved = created ? t('created', { name: created.ruleName }) : params.deleted === '1' ? t('deleted') : '';
  const number = (value: number) => format.number(value, { maximumFractionDigits: 3 });
  return (
    <>
      <PageHeader title={t('title')} description={t('description')}>
        {canManage && (
          <Link href="/alerts/rules/new" className="rounded-md border border-accent bg-accent px-4 py-2 font-medium text-on-accent no-underline">
            {t('newRule')}
          </Link>
        )}
      </PageHeader>
      <AlertsNav current="rules" />
      <p role="status" className="mb-4 font-medium text-success">
        {saved}
      </p>
      {!canManage && <p className="mb-4 text-muted">{t('readOnly')}</p>}
      {rules.length === 0 ? (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-start">
            <caption className="mb-2 text-start text-lg font-semibold">{t('tableCaption')}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="p-2 text-start">{t('columns.name')}</th>
                <th scope="col" className="p-2 text-start">{t('columns.target')}</th>
                <th scope="col" className="p-2 text-start">{t('columns.condition')}</th>
                <th scope="col" className="p-2 text-start">{t('columns.severity')}</th>
                <th scope="col" className="p-2 text-start">{t('columns.active')}</th>
                <th scope="col" className="p-2 text-start">{t('columns.state')}</th>
                {canManage && <th scope="col" className="p-2 text-start">{t('columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rules.map(({ rule, state, lastEvaluatedAt, monitorName }) => {
                const monitor = rule.monitorId !== null;
                return (
                  <tr key={rule.id} className="border-b border-line align-top">
                    <th scope="row" className="p-2 text-start font-medium">
                      {canManage ? (
                        <Link href={`/alerts/rules/${rule.id}`} className="text-accent underline">
                          {rule.ruleName}
                        </Link>
                      ) : (
                        rule.ruleName
                      )}
                      {rule.description && <div className="font-normal text-muted">{rule.description}</div>}
                    </th>
                    <td className="p-2">
                      {monitor ? (
                        monitorName ?? '—'
                      ) : (
                        <>
                          <span dir="ltr">{rule.metricType}</span>
                          <div className="text-sm text-muted" dir={rule.endpoint ? 'ltr' : undefined}>
                            {rule.endpoint ?? t('allEndpoints')}
                          </div>
                        </>
                      )}
                    </td>
                    <td className="p-2">
                      {monitor
                        ? t('monitorSummary', { condition: t(`form.monitorConditions.${rule.monitorCondition ?? 'down'}`), checks: rule.monitorConsecutiveChecks ?? 1 })
                        : t('conditionSummary', {
                            aggregation: t(`form.aggregations.${rule.aggregation}`),
                            window: format.number(rule.windowSeconds),
                            comparison: t(`comparisons.${rule.condition}`),
                            threshold: number(rule.threshold),
                          })}
                    </td>
                    <td className="p-2">
                      <SeverityBadge severity={rule.severity} />
                    </td>
                    <td className="p-2">{rule.isActive ? t('active') : t('inactive')}</td>
                    <td className="p-2">
                      {t(`states.${state ?? 'never'}`)}
                      {lastEvaluatedAt && (
                        <div className="text-sm text-muted">
                          <time dateTime={lastEvaluatedAt.toISOString()}>{format.dateTime(lastEvaluatedAt, { dateStyle: 'short', timeStyle: 'short' })}</time>
                        </div>
                      )}
                    </td>
                    {canManage && (
                      <td className="p-2">
                        <div className="flex flex-col gap-2">
                          <Link href={`/alerts/rules/${rule.id}`} className="text-accent underline">
                            {t('edit')}
                            <span className="sr-only"> {rule.ruleName}</span>
                          </Link>
                          <SetRuleActive ruleId={rule.id} name={rule.ruleName} isActive={rule.isActive} action={setRuleActiveAction} />
                          <DeleteRule ruleId={rule.id} name={rule.ruleName} action={deleteRuleAction} />
                        </div>
                      </td>
                    )}
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
