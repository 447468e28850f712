import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { AnalyticsHeader } from '@/components/analytics/AnalyticsHeader';
import { DataTable } from '@/components/analytics/DataTable';
import { FunnelBuilder } from '@/components/analytics/FunnelBuilder';
import { findFunnel, listFunnels } from '@/lib/analytics/funnels';
import { runFunnel } from '@/lib/analytics/queries/funnel';
import { analyticsView, type SearchParams } from '../view-context';
import { saveFunnelAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analytics.tabs'))('funnels') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function FunnelsPage({ searchParams }: { searchParams: SearchParams }) {
  const v = await analyticsView(searchParams);
  const t = await getTranslations('analytics');
  const saved = await listFunnels(v.db);
  const requested = typeof v.params.funnel === 'string' && UUID.test(v.params.funnel) ? await findFunnel(v.db, v.params.funnel) : null;
  const funnel = requested ?? saved[0] ?? null;
  const result = funnel ? await runFunnel(v.db, funnel, v.range) : null;
  const hours = (seconds: number | null) => (seconds === null ? '—' : t('funnels.result.hours', { value: v.number(seconds / 3600, 1) }));
  return (
    <>
      <AnalyticsHeader view="funnels" rangeKey={v.rangeKey} range={v.range} currency={v.currency} />
      {v.params.saved === '1' && (
        <p role="status" className="mb-4 rounded-md border-2 border-accent p-3">
          {t('funnels.saved')}
        </p>
      )}
      {funnel && result && (
        <>
          <dl className="mb-4 grid grid-cols-1 gap-4 sm:grid-cols-2">
            <div className="rounded-lg border border-line bg-canvas p-4">
              <dt className="text-sm text-muted">{t('funnels.result.conversion')}</dt>
              <dd className="text-2xl font-bold tabular-nums">{v.percent(result.conversion)}</dd>
            </div>
            <div className="rounded-lg border border-line bg-canvas p-4">
              <dt className="text-sm text-muted">{t('funnels.result.medianToConvert')}</dt>
              <dd className="text-2xl font-bold tabular-nums">{hours(result.medianSecondsToConvert)}</dd>
            </div>
          </dl>
          <DataTable
            id="funnel-result"
            title={funnel.name}
            caption={t('funnels.result.caption', { first: funnel.steps[0]?.event ?? '', hours: v.count(funnel.windowHours) })}
            empty={t('common.noData')}
            columns={[
              { key: 'step', label: t('funnels.result.step') },
              { key: 'event', label: t('funnels.result.event') },
              { key: 'users', label: t('funnels.result.users'), numeric: true },
              { key: 'overall', label: t('funnels.result.overall'), numeric: true },
              { key: 'fromPrevious', label: t('funnels.result.fromPrevious'), numeric: true },
              { key: 'dropOff', label: t('funnels.result.dropOff'), numeric: true },
              { key: 'median', label: t('funnels.result.median'), numeric: true },
            ]}
            rows={result.steps.map((s, i) => ({
              key: String(i),
              cells: {
                step: v.count(i + 1),
                event: s.property ? `${s.event} (${s.property.key} = ${s.property.value})` : s.event,
                users: v.count(s.users),
                overall: v.percent(s.overall),
                fromPrevious: v.percent(s.fromPrevious),
                dropOff: v.count(s.dropOff),
                median: hours(s.medianSecondsFromStart),
              },
            }))}
          />
        </>
      )}
      <section aria-labelledby="saved-funnels" className="mb-8">
        <h2 id="saved-funnels" className="mb-2 font-semibold">
          {t('funnels.list.title')}
        </h2>
        {saved.length === 0 ? (
          <p className="text-muted">{t('funnels.list.none')}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {saved.map((f) => (
              <li key={f.id}>
                <Link
                  href={{ pathname: '/analytics/funnels', query: { funnel: f.id, range: v.rangeKey } }}
                  aria-current={f.id === funnel?.id ? 'true' : undefined}
                  aria-label={t('funnels.list.open', { name: f.name })}
                  className={`inline-block rounded-md border-2 px-3 py-1 text-sm ${f.id === funnel?.id ? 'border-accent font-semibold' : 'border-line'}`}
                >
                  {f.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <FunnelBuilder action={saveFunnelAction} />
    </>
  );
}
