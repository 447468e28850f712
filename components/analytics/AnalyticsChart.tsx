'use client';

import { BarChart, LineChart } from '@tremor/react';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';

export type ValueFormat = { kind: 'money'; currency: string } | { kind: 'count' } | { kind: 'ratio' } | { kind: 'ms' };

export interface ChartSeries {
  key: string;
  label: string;
  /** Chart colours of tailwind.config.ts: 3:1 against the page in every theme. */
  color: 'chart-1' | 'chart-2' | 'chart-3' | 'chart-4';
}

export interface ChartPoint {
  key: string;
  /** Already formatted in the reader's locale (a day, a plugin name). */
  label: string;
  values: Record<string, number | null>;
}

interface Props {
  type: 'line' | 'bar';
  title: string;
  caption: string;
  /** Header of the first table column ("Day", "Plugin"). */
  indexLabel: string;
  series: ChartSeries[];
  points: ChartPoint[];
  format: ValueFormat;
}

const DASH: Record<ChartSeries['color'], string | undefined> = { 'chart-1': undefined, 'chart-2': '6 4', 'chart-3': '2 3', 'chart-4': '8 2 2 2' };

/**
 * An analytics chart in a figure: caption, a legend drawn here (Tremor's is an <ol> of <div>s,
 * which axe flags), the plot (hidden from screen readers: its figures are in the table), and a
 * "Show as table" toggle. A money value without an exchange rate reads "rate missing".
 */
export function AnalyticsChart({ type, title, caption, indexLabel, series, points, format: valueFormat }: Props) {
  const t = useTranslations('analytics.common');
  const format = useFormatter();
  const [open, setOpen] = useState(false);
  const id = useId();
  const formatValue = (value: number) => {
    if (valueFormat.kind === 'money') return format.number(value, { style: 'currency', currency: valueFormat.currency });
    if (valueFormat.kind === 'ratio') return format.number(value, { style: 'percent', maximumFractionDigits: 1 });
    if (valueFormat.kind === 'ms') return format.number(value, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 });
    return format.number(value, { maximumFractionDigits: 2 });
  };
  const missing = valueFormat.kind === 'money' ? t('missingRate') : '—';
  const data = points.map((point) => {
    const row: Record<string, string | number | null> = { index: point.label };
    for (const s of series) row[s.label] = point.values[s.key] ?? null;
    return row;
  });
  const hasValues = points.some((p) => series.some((s) => p.values[s.key] !== null && p.values[s.key] !== undefined));
  const common = {
    data,
    index: 'index',
    categories: series.map((s) => s.label),
    colors: series.map((s) => s.color),
    valueFormatter: formatValue,
    showLegend: false,
    showAnimation: false,
    noDataText: t('noData'),
    yAxisWidth: 80,
    className: 'h-56',
  };
  return (
    <figure aria-labelledby={`${id}-caption`} className="flex min-w-0 flex-col gap-3 rounded-lg border border-line bg-canvas p-4">
      <figcaption id={`${id}-caption`}>
        <span className="block font-semibold">{title}</span>
        <span className="block text-sm text-muted">{caption}</span>
      </figcaption>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t('legend')}>
        {series.map((s) => (
          <li key={s.key} className="inline-flex items-center gap-2">
            <svg aria-hidden="true" width="24" height="8" viewBox="0 0 24 8" className={`stroke-${s.color} fill-${s.color}`}>
              {type === 'line' ? <line x1="0" y1="4" x2="24" y2="4" strokeWidth="3" strokeDasharray={DASH[s.color]} /> : <rect x="0" y="0" width="24" height="8" rx="2" />}
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <div dir="ltr" aria-hidden="true" className="min-w-0">
        {!hasValues ? (
          <p className="flex h-56 items-center justify-center rounded-md border border-dashed border-field text-muted">{t('noData')}</p>
        ) : type === 'line' ? (
          <LineChart {...common} connectNulls={false} />
        ) : (
          <BarChart {...common} />
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
          <span aria-hidden="true" className={`inline-block ${open ? 'rotate-90' : 'rtl:rotate-180'}`}>
            ▸
          </span>
          {t('showTable')}
        </button>
      </div>
      <div id={`${id}-table`} hidden={!open} className="max-h-96 overflow-auto" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="p-2 text-start">
                {indexLabel}
              </th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="p-2 text-end">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.key} className="border-b border-line">
                <th scope="row" className="whitespace-nowrap p-2 text-start font-normal">
                  {point.label}
                </th>
                {series.map((s) => {
                  const value = point.values[s.key];
                  return (
                    <td key={s.key} className="p-2 text-end tabular-nums">
                      {value === null || value === undefined ? missing : formatValue(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
