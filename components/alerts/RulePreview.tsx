'use client';

import { useTranslations } from 'next-intl';
import { ChartFigure, type ChartSeries, type ValueKind } from '@/components/health/ChartFigure';
import type { RulePreviewState } from './rule-preview-state';

const TIME_FORMAT = { hour: '2-digit', minute: '2-digit' } as const;

/** Durations (…_time, …_duration, …_lag) read as milliseconds; counts and rates as plain figures. */
function valueKindOf(metricType: string, aggregation: string): ValueKind {
  if (aggregation === 'count' || aggregation === 'rate') return 'rate';
  return /(_time|_duration|_lag)$/.test(metricType) ? 'ms' : 'rate';
}

/**
 * The editor's preview: a button that replays the rule as typed over the last 24 hours, a
 * polite status that announces the result (how often it would have fired), and the metric
 * with the threshold (and recovery threshold) drawn as lines, with its table alternative.
 */
export function RulePreview({ state, pending, onPreview }: { state: RulePreviewState; pending: boolean; onPreview: () => void }) {
  const t = useTranslations('alertRules');
  const status = pending
    ? t('preview.loading')
    : state.status === 'ready'
      ? t('preview.fires', { fires: state.fires })
      : state.status === 'invalid'
        ? t('preview.invalid')
        : state.status === 'monitor'
          ? t('preview.monitorRule')
          : '';
  const series: ChartSeries[] = [{ key: 'value', label: state.status === 'ready' ? t(`form.aggregations.${state.aggregation as 'avg'}`) : t('preview.value'), color: 'chart-1' }];
  if (state.status === 'ready') {
    series.push({ key: 'threshold', label: t('preview.threshold'), color: 'chart-2' });
    if (state.recoveryThreshold !== null) series.push({ key: 'recovery', label: t('preview.recovery'), color: 'chart-3' });
  }
  return (
    <section aria-labelledby="rule-preview-title" className="flex flex-col gap-3 rounded-lg border border-line p-4">
      <h2 id="rule-preview-title" className="text-lg font-semibold">
        {t('preview.title')}
      </h2>
      <p className="text-sm text-muted">{t('preview.intro')}</p>
      <div>
        <button type="button" onClick={onPreview} disabled={pending} aria-disabled={pending} className="rounded-md border border-field bg-canvas px-4 py-2 font-medium text-ink disabled:opacity-70">
          {t('preview.button')}
        </button>
      </div>
      <p role="status" aria-live="polite" aria-atomic="true" className={state.status === 'invalid' && !pending ? 'font-medium text-danger' : 'font-medium'}>
        {status}
      </p>
      {state.status === 'ready' && (
        <ChartFigure
          type="line"
          title={t('preview.chartTitle', { metric: state.metricType })}
          caption={t('preview.chartCaption')}
          series={series}
          valueKind={valueKindOf(state.metricType, state.aggregation)}
          timeFormat={TIME_FORMAT}
          points={state.points.map((point) => ({
            at: point.at,
            values: { value: point.value, threshold: state.threshold, recovery: state.recoveryThreshold },
          }))}
        />
      )}
    </section>
  );
}
