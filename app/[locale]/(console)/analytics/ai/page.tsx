import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AnalyticsChart, type ChartSeries } from '@/components/analytics/AnalyticsChart';
import { AnalyticsHeader } from '@/components/analytics/AnalyticsHeader';
import { DataTable } from '@/components/analytics/DataTable';
import { eachDay } from '@/lib/analytics/days';
import { loadAiPerformance, type AiDay } from '@/lib/analytics/queries/ai';
import { analyticsView, type SearchParams } from '../view-context';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analytics.tabs'))('ai') };
}

const COLORS: ChartSeries['color'][] = ['chart-1', 'chart-2', 'chart-3', 'chart-4'];

export default async function AiPage({ searchParams }: { searchParams: SearchParams }) {
  const v = await analyticsView(searchParams);
  const t = await getTranslations('analytics');
  const report = await loadAiPerformance(v.db, v.range, v.currency);
  const missing = t('common.missingRate');
  const models = report.models.map((m) => m.model);
  const series = models.slice(0, 4).map((model, i) => ({ key: model, label: model, color: COLORS[i]! }));
  const byDay = (pick: (d: AiDay) => number | null) =>
    eachDay(v.range.from, v.range.to).map((day) => ({
      key: day,
      label: v.day(day),
      values: Object.fromEntries(models.map((m) => [m, (() => { const row = report.days.find((d) => d.day === day && d.model === m); return row ? pick(row) : null; })()])),
    }));
  const trend = (value: number | null) =>
    value === null ? t('ai.trend.unknown') : Math.abs(value) < 0.01 ? t('ai.trend.stable') : t(value > 0 ? 'ai.trend.improving' : 'ai.trend.declining', { value: v.percent(value) });
  return (
    <>
      <AnalyticsHeader view="ai" rangeKey={v.rangeKey} range={v.range} currency={v.currency} />
      <DataTable
        id="ai-models"
        title={t('ai.models.title')}
        caption={t('ai.models.caption', { currency: v.currency })}
        empty={t('common.noData')}
        exportHref={v.exportHref('ai')}
        exportLabel={t('common.exportCsv', { table: t('ai.models.title') })}
        columns={[
          { key: 'model', label: t('ai.models.model') },
          { key: 'requests', label: t('ai.models.requests'), numeric: true },
          { key: 'errors', label: t('ai.models.errors'), numeric: true },
          { key: 'accuracy', label: t('ai.models.accuracy'), numeric: true },
          { key: 'rating', label: t('ai.models.rating'), numeric: true },
          { key: 'latency', label: t('ai.models.latency'), numeric: true },
          { key: 'costPerRequest', label: t('ai.models.costPerRequest'), numeric: true },
          { key: 'cost', label: t('ai.models.cost'), numeric: true },
          { key: 'savings', label: t('ai.models.savings'), numeric: true },
          { key: 'trend', label: t('ai.models.trend') },
        ]}
        rows={report.models.map((m) => {
          const noMoney = m.hasPrice ? missing : t('ai.models.noPrice');
          return {
            key: m.model,
            cells: {
              model: m.model,
              requests: v.count(m.requests),
              errors: v.count(m.errors),
              accuracy: v.percent(m.accuracy),
              rating: v.number(m.rating),
              latency: m.meanLatency === null ? '—' : `${v.number(m.meanLatency, 0)} ms`,
              costPerRequest: m.costPerRequest === null ? noMoney : v.money(m.costPerRequest, noMoney),
              cost: v.money(m.cost, noMoney),
              savings: v.money(m.cacheSavings, noMoney),
              trend: trend(m.accuracyTrend),
            },
          };
        })}
      />
      <div className="mb-8 grid grid-cols-1 gap-4 xl:grid-cols-3">
        <AnalyticsChart type="line" title={t('ai.accuracyChart.title')} caption={t('ai.accuracyChart.caption')} indexLabel={t('common.day')} format={{ kind: 'ratio' }} series={series} points={byDay((d) => d.accuracy)} />
        <AnalyticsChart type="line" title={t('ai.costChart.title')} caption={t('ai.costChart.caption', { currency: v.currency })} indexLabel={t('common.day')} format={{ kind: 'money', currency: v.currency }} series={series} points={byDay((d) => d.cost)} />
        <AnalyticsChart type="line" title={t('ai.latencyChart.title')} caption={t('ai.latencyChart.caption')} indexLabel={t('common.day')} format={{ kind: 'ms' }} series={series} points={byDay((d) => d.latencyP95)} />
      </div>
    </>
  );
}
