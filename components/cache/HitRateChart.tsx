'use client';

import { useTranslations } from 'next-intl';
import { ChartFigure } from '@/components/health/ChartFigure';

export interface HitRatePointView {
  at: number;
  hits: number;
  misses: number;
  hitRate: number | null;
}

/** Hit rate per hour in the console's chart figure (caption, legend, "show as table" with the counts behind it). */
export function HitRateChart({ points }: { points: HitRatePointView[] }) {
  const t = useTranslations('cacheManager.chart');
  return (
    <ChartFigure
      type="area"
      title={t('title')}
      caption={t('caption')}
      series={[{ key: 'hitRate', label: t('series'), color: 'chart-1' }]}
      points={points.map((point) => ({ at: point.at, values: { hitRate: point.hitRate } }))}
      valueKind="ratio"
      maxValue={1}
      timeFormat={{ hour: 'numeric', minute: '2-digit' }}
      extraColumns={[
        { key: 'hits', label: t('hits'), values: points.map((point) => point.hits), kind: 'count' },
        { key: 'misses', label: t('misses'), values: points.map((point) => point.misses), kind: 'count' },
      ]}
      labels={{ noData: t('noData'), time: t('time') }}
    />
  );
}
