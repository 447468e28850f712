import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AnalyticsChart } from '@/components/analytics/AnalyticsChart';
import { AnalyticsHeader } from '@/components/analytics/AnalyticsHeader';
import { DataTable } from '@/components/analytics/DataTable';
import { loadEngagement } from '@/lib/analytics/queries/engagement';
import { analyticsView, type SearchParams } from '../view-context';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analytics.tabs'))('engagement') };
}

export default async function EngagementPage({ searchParams }: { searchParams: SearchParams }) {
  const v = await analyticsView(searchParams);
  const t = await getTranslations('analytics');
  const report = await loadEngagement(v.db, v.range);
  const weeks = Math.max(0, ...report.cohorts.map((c) => c.retained.length));
  return (
    <>
      <AnalyticsHeader view="engagement" rangeKey={v.rangeKey} range={v.range} currency={v.currency} />
      <div className="mb-8 grid grid-cols-1 gap-4 xl:grid-cols-2">
        <AnalyticsChart
          type="line"
          title={t('engagement.active.title')}
          caption={t('engagement.active.caption')}
          indexLabel={t('common.day')}
          format={{ kind: 'count' }}
          series={[
            { key: 'dau', label: t('engagement.active.dau'), color: 'chart-1' },
            { key: 'wau', label: t('engagement.active.wau'), color: 'chart-2' },
            { key: 'mau', label: t('engagement.active.mau'), color: 'chart-3' },
          ]}
          points={report.days.map((d) => ({ key: d.day, label: v.day(d.day), values: { dau: d.dau, wau: d.wau, mau: d.mau } }))}
        />
        <AnalyticsChart
          type="line"
          title={t('engagement.stickiness.title')}
          caption={t('engagement.stickiness.caption')}
          indexLabel={t('common.day')}
          format={{ kind: 'ratio' }}
          series={[{ key: 'stickiness', label: t('engagement.stickiness.series'), color: 'chart-1' }]}
          points={report.days.map((d) => ({ key: d.day, label: v.day(d.day), values: { stickiness: d.stickiness } }))}
        />
      </div>
      <DataTable
        id="retention-cohorts"
        title={t('engagement.cohorts.title')}
        caption={t('engagement.cohorts.caption')}
        empty={t('common.noData')}
        exportHref={v.exportHref('cohorts')}
        exportLabel={t('common.exportCsv', { table: t('engagement.cohorts.title') })}
        columns={[
          { key: 'cohort', label: t('engagement.cohorts.cohort') },
          { key: 'size', label: t('engagement.cohorts.size'), numeric: true },
          ...Array.from({ length: weeks }, (_, k) => ({ key: `w${k}`, label: t('engagement.cohorts.week', { n: k }), numeric: true })),
        ]}
        rows={report.cohorts.map((c) => ({
          key: c.week,
          cells: {
            cohort: v.day(c.week),
            size: v.count(c.size),
            ...Object.fromEntries(Array.from({ length: weeks }, (_, k) => [`w${k}`, k < c.retained.length && c.size > 0 ? `${v.percent(c.retained[k]! / c.size)} (${v.count(c.retained[k]!)})` : '—'])),
          },
        }))}
      />
    </>
  );
}
