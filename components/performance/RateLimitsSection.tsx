import { getFormatter, getTranslations } from 'next-intl/server';
import type { FormState } from '@/components/forms/form-state';
import type { RateLimitOverride, ThrottleStateRow } from '@/db/schema';
import type { QuotaUsageRow } from '@/lib/quotas/queries';
import type { RateLimitPolicy } from '@/lib/rate-limit/policies';
import type { RefusalRow, ThrottleEvent } from '@/lib/rate-limit/queries';
import { OverrideForm } from './OverrideForm';
import { QuotaForm } from './QuotaForm';
import { RemoveOverride } from './RemoveOverride';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export interface RateLimitsData {
  policies: RateLimitPolicy[];
  throttle: ThrottleStateRow[];
  refusals: RefusalRow[];
  overrides: RateLimitOverride[];
  quotas: QuotaUsageRow[];
  events: ThrottleEvent[];
  warningRatio: number;
}

const th = 'p-2 text-start';
const td = 'p-2';

/** Performance > Rate limits: policies with their throttle state, refusals, overrides, quotas. */
export async function RateLimitsSection({ data, manage, actions }: { data: RateLimitsData; manage: boolean; actions: { setOverride: Action; removeOverride: Action; setQuota: Action } }) {
  const t = await getTranslations('performance');
  const format = await getFormatter();
  const n = (value: number) => format.number(value, { maximumFractionDigits: 0 });
  const pct = (value: number) => format.number(value, { style: 'percent', maximumFractionDigits: 1 });
  const when = (date: Date) => <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' })}</time>;
  const factorOf = (group: string) => data.throttle.find((row) => row.policyGroup === group)?.factor ?? 1;
  return (
    <section aria-labelledby="rate-limits-heading" className="flex flex-col gap-10">
      <h2 id="rate-limits-heading" className="text-xl font-semibold">
        {t('rateLimits.heading')}
      </h2>
      <p className="max-w-3xl text-muted">{t('rateLimits.intro')}</p>

      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="mb-2 text-start text-lg font-semibold">{t('policies.title')}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className={th}>{t('policies.group')}</th>
              <th scope="col" className={th}>{t('policies.identity')}</th>
              <th scope="col" className={th}>{t('policies.limit')}</th>
              <th scope="col" className={th}>{t('policies.throttle')}</th>
              <th scope="col" className={th}>{t('policies.levels')}</th>
            </tr>
          </thead>
          <tbody>
            {data.policies.map((policy) => {
              const factor = factorOf(policy.group);
              return (
                <tr key={policy.group} className="border-b border-line">
                  <th scope="row" className={`${th} font-medium`}>
                    <code className="font-mono">{policy.group}</code>
                  </th>
                  <td className={td}>{t(`overrides.subjects.${policy.identity}`)}</td>
                  <td className={td}>{t('policies.perWindow', { limit: n(Math.max(1, Math.floor(policy.limit * factor))), seconds: policy.windowSeconds })}</td>
                  <td className={td}>{factor < 1 ? <strong className="text-danger">{t('policies.tightened', { factor: pct(factor) })}</strong> : t('policies.normal')}</td>
                  <td className={td}>{t('policies.levelsValue', { errorRate: pct(policy.throttle.maxErrorRate), p95: n(policy.throttle.maxP95Ms) })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="mb-2 text-start text-lg font-semibold">{t('refusals.title')}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className={th}>{t('refusals.endpoint')}</th>
              <th scope="col" className={`${th} text-end`}>{t('refusals.count')}</th>
            </tr>
          </thead>
          <tbody>
            {data.refusals.length === 0 ? (
              <tr>
                <td colSpan={2} className={td}>{t('refusals.none')}</td>
              </tr>
            ) : (
              data.refusals.map((row) => (
                <tr key={row.endpoint} className="border-b border-line">
                  <th scope="row" className={`${th} font-normal`}>
                    <code className="font-mono" dir="ltr">{row.endpoint}</code>
                  </th>
                  <td className={`${td} text-end tabular-nums`}>{n(row.refused)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <div className="flex flex-col gap-4">
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="mb-2 text-start text-lg font-semibold">{t('overrides.title')}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className={th}>{t('overrides.subject')}</th>
                <th scope="col" className={th}>{t('overrides.group')}</th>
                <th scope="col" className={th}>{t('overrides.effect')}</th>
                <th scope="col" className={th}>{t('overrides.reason')}</th>
                <th scope="col" className={th}>{t('overrides.expires')}</th>
                {manage && <th scope="col" className={th}>{t('overrides.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {data.overrides.length === 0 ? (
                <tr>
                  <td colSpan={manage ? 6 : 5} className={td}>{t('overrides.none')}</td>
                </tr>
              ) : (
                data.overrides.map((row) => {
                  const subject = `${t(`overrides.subjects.${row.subjectType}`)} ${row.subjectId}`;
                  return (
                    <tr key={row.id} className="border-b border-line align-top">
                      <th scope="row" className={`${th} font-normal`}>
                        {t(`overrides.subjects.${row.subjectType}`)} <code className="font-mono" dir="ltr">{row.subjectId}</code>
                      </th>
                      <td className={td}>{row.policyGroup === '*' ? t('overrides.allGroups') : row.policyGroup}</td>
                      <td className={td}>{row.blocked ? <strong className="text-danger">{t('overrides.blocked')}</strong> : t('overrides.limitTo', { limit: n(row.limitOverride ?? 0) })}</td>
                      <td className={td}>{row.reason}</td>
                      <td className={td}>{row.expiresAt ? when(row.expiresAt) : t('overrides.never')}</td>
                      {manage && (
                        <td className={td}>
                          <RemoveOverride overrideId={row.id} subject={subject} action={actions.removeOverride} />
                        </td>
                      )}
                    </tr>
                  );
                })
              )}
            </tbody>
          </table>
        </div>
        {manage && (
          <section aria-labelledby="override-form-heading">
            <h3 id="override-form-heading" className="mb-2 text-lg font-semibold">
              {t('overrides.addTitle')}
            </h3>
            <OverrideForm action={actions.setOverride} groups={data.policies.map((p) => p.group)} />
          </section>
        )}
      </div>

      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="mb-2 text-start text-lg font-semibold">{t('quotas.title')}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className={th}>{t('quotas.key')}</th>
              <th scope="col" className={`${th} text-end`}>{t('quotas.used')}</th>
              <th scope="col" className={`${th} text-end`}>{t('quotas.limit')}</th>
              <th scope="col" className={th}>{t('quotas.status')}</th>
              {manage && <th scope="col" className={th}>{t('quotas.change')}</th>}
            </tr>
          </thead>
          <tbody>
            {data.quotas.length === 0 ? (
              <tr>
                <td colSpan={manage ? 5 : 4} className={td}>{t('quotas.none')}</td>
              </tr>
            ) : (
              data.quotas.map((row) => (
                <tr key={row.apiKeyId} className="border-b border-line align-top">
                  <th scope="row" className={`${th} font-medium`}>
                    {row.name} <code className="font-mono text-muted" dir="ltr">smm_{row.prefix}_…</code>
                  </th>
                  <td className={`${td} text-end tabular-nums`}>{n(row.used)}</td>
                  <td className={`${td} text-end tabular-nums`}>
                    {n(row.limit)} {row.ownLimit ? null : <span className="text-muted">({t('quotas.default')})</span>}
                  </td>
                  <td className={td}>
                    {row.ratio >= 1 ? (
                      <strong className="text-danger">{t('quotas.exhausted', { ratio: pct(row.ratio) })}</strong>
                    ) : row.ratio >= data.warningRatio ? (
                      <strong className="text-danger">{t('quotas.warning', { ratio: pct(row.ratio) })}</strong>
                    ) : (
                      t('quotas.ok', { ratio: pct(row.ratio) })
                    )}
                  </td>
                  {manage && (
                    <td className={td}>
                      <QuotaForm apiKeyId={row.apiKeyId} keyName={row.name} current={row.ownLimit ? row.limit : null} action={actions.setQuota} />
                    </td>
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="mb-2 text-start text-lg font-semibold">{t('throttle.title')}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className={th}>{t('throttle.at')}</th>
              <th scope="col" className={th}>{t('throttle.group')}</th>
              <th scope="col" className={th}>{t('throttle.change')}</th>
            </tr>
          </thead>
          <tbody>
            {data.events.length === 0 ? (
              <tr>
                <td colSpan={3} className={td}>{t('throttle.none')}</td>
              </tr>
            ) : (
              data.events.map((event, index) => (
                <tr key={index} className="border-b border-line">
                  <th scope="row" className={`${th} font-normal`}>{when(event.at)}</th>
                  <td className={td}>{event.group}</td>
                  <td className={td}>
                    {event.action === 'throttle.tighten'
                      ? t('throttle.tightened', { factor: pct(event.factor ?? 1), reason: event.reason ?? '' })
                      : t('throttle.relaxed', { factor: pct(event.factor ?? 1) })}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
