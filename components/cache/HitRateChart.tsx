'use client';

import { AreaChart } from '@tremor/react';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';

export interface HitRatePointView {
  at: number;
  hits: number;
  misses: number;
  hitRate: number | null;
}

/**
 * Hit rate per hour: a figure with a caption, our own legend (not Tremor's), and a "show as
 * table" toggle with the same figures plus the counts behind them.
 */
export function HitRateChart({ points }: { points: HitRatePointView[] }) {
  const t = useTranslations('cacheManager.chart');
  const format = useFormatter();
  const [open, setOpen] = useState(false);
  const id = useId();
  const label = (at: number) => format.dateTime(new Date(at), { hour: 'numeric', minute: '2-digit' });
  const pct = (value: number) => format.number(value, { style: 'percent', maximumFractionDigits: 1 });
  const series = t('series');
  const data = points.map((point) => ({ time: label(point.at), [series]: point.hitRate }));
  const hasValues = points.some((point) => point.hitRate !== null);
  return (
    <figure aria-labelledby={`${id}-caption`} className="flex min-w-0 flex-col gap-3 rounded-lg border border-line bg-canvas p-4">
      <figcaption id={`${id}-caption`}>
        <span className="block font-semibold">{t('title')}</span>
        <span className="block text-sm text-muted">{t('caption')}</span>
      </figcaption>
      <ul className="flex gap-4 text-sm" aria-label={t('legend')}>
        <li className="inline-flex items-center gap-2">
          <svg aria-hidden="true" width="24" height="8" viewBox="0 0 24 8" className="fill-chart-1">
            <rect x="0" y="0" width="24" height="8" rx="2" />
          </svg>
          {series}
        </li>
      </ul>
      <div dir="ltr" aria-hidden="true" className="min-w-0">
        {hasValues ? (
          <AreaChart
            data={data}
            index="time"
            categories={[series]}
            colors={['chart-1']}
            valueFormatter={pct}
            showLegend={false}
            showAnimation={false}
            connectNulls={false}
            minValue={0}
            maxValue={1}
            yAxisWidth={64}
            className="h-56"
          />
        ) : (
          <p className="flex h-56 items-center justify-center rounded-md border border-dashed border-field text-muted">{t('noData')}</p>
        )}
      </div>
      <div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-table`}
          onClick={() => setOpen((value) => !value)}
          className="inline-flex items-center gap-2 rounded-md border border-field px-3 py-1 text-sm"
        >
          {t('showTable')}
        </button>
      </div>
      <div id={`${id}-table`} hidden={!open} className="max-h-96 overflow-auto" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="p-2 text-start">{t('time')}</th>
              <th scope="col" className="p-2 text-end">{t('hits')}</th>
              <th scope="col" className="p-2 text-end">{t('misses')}</th>
              <th scope="col" className="p-2 text-end">{series}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.at} className="border-b border-line">
                <th scope="row" className="p-2 text-start font-normal">
                  <time dateTime={new Date(point.at).toISOString()}>{label(point.at)}</time>
                </th>
                <td className="p-2 text-end tabular-nums">{format.number(point.hits)}</td>
                <td className="p-2 text-end tabular-nums">{format.number(point.misses)}</td>
                <td className="p-2 text-end tabular-nums">{point.hitRate === null ? '—' : pct(point.hitRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
