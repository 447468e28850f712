import type { DateTimeFormatOptions } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { DAY_MS, type RangeKey } from '@/lib/health-dashboard/ranges';
import type { SeriesPoint } from '@/lib/health-dashboard/types';
import { ChartFigure } from './ChartFigure';

/** How chart times read: the time of day within a day, the date (and hour) beyond. */
function timeFormat(range: RangeKey, stepMs: number): DateTimeFormatOptions {
  if (stepMs >= DAY_MS) return { month: 'short', day: 'numeric' };
  if (range === '7d') return { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  return { hour: 'numeric', minute: '2-digit' };
}

/** Latency percentiles, error rate and throughput of the requests over the period. */
export async function HealthCharts({ series, range, stepMs }: { series: SeriesPoint[]; range: RangeKey; stepMs: number }) {
  const t = await getTranslations('health.charts');
  const step = t(`step.${range}`);
  const over = t(`over.${range}`);
  const format = timeFormat(range, stepMs);
  const requests = { key: 'count', label: t('requests'), values: series.map((point) => point.count), kind: 'count' as const };
  return (
    <section aria-labelledby="health-charts-heading" className="mb-8">
      <h2 id="health-charts-heading" className="mb-3 text-lg font-semibold">
        {t('heading')}
      </h2>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-3">
        <ChartFigure
          type="line"
          title={t('latency.title')}
          caption={t('latency.caption', { step, over })}
          valueKind="ms"
          timeFormat={format}
          series={[
            { key: 'p50', label: t('latency.p50'), color: 'chart-1' },
            { key: 'p95', label: t('latency.p95'), color: 'chart-2' },
            { key: 'p99', label: t('latency.p99'), color: 'chart-3' },
          ]}
          points={series.map((point) => ({ at: point.at, values: { p50: point.p50, p95: point.p95, p99: point.p99 } }))}
        />
        <ChartFigure
          type="bar"
          title={t('errorRate.title')}
          caption={t('errorRate.caption', { step, over })}
          valueKind="ratio"
          timeFormat={format}
          series={[{ key: 'errorRate', label: t('errorRate.series'), color: 'chart-4' }]}
          points={series.map((point) => ({ at: point.at, values: { errorRate: point.errorRate } }))}
          extraColumns={[requests, { key: 'errors', label: t('errorRate.errors'), values: series.map((point) => point.errors), kind: 'count' }]}
        />
        <ChartFigure
          type="area"
          title={t('throughput.title')}
          caption={t('throughput.caption', { step, over })}
          valueKind="rate"
          timeFormat={format}
          series={[{ key: 'throughput', label: t('throughput.series'), color: 'chart-1' }]}
          points={series.map((point) => ({ at: point.at, values: { throughput: point.throughput } }))}
          extraColumns={[requests]}
        />
      </div>
    </section>
  );
}
