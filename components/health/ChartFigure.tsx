'use client';

import { AreaChart, BarChart, LineChart } from '@tremor/react';
import { useFormatter, useTranslations, type DateTimeFormatOptions } from 'next-intl';
import { useId, useState } from 'react';
import { formatMs, formatNumber, formatRatio, type NumberFormatter } from './format';

export type ValueKind = 'ms' | 'ratio' | 'rate';

export interface ChartSeries {
  key: string;
  label: string;
  /** One of the chart colours (tailwind.config.ts): 3:1 against the page in every theme. */
  color: 'chart-1' | 'chart-2' | 'chart-3' | 'chart-4';
}

export interface ChartPoint {
  at: number;
  values: Record<string, number | null>;
}

export interface ExtraColumn {
  key: string;
  label: string;
  values: Array<number | null>;
  kind: 'count' | ValueKind;
}

interface ChartFigureProps {
  type: 'line' | 'area' | 'bar';
  title: string;
  caption: string;
  series: ChartSeries[];
  points: ChartPoint[];
  valueKind: ValueKind;
  timeFormat: DateTimeFormatOptions;
  /** Figures shown in the table only (e.g. the number of requests behind a rate). */
  extraColumns?: ExtraColumn[];
  /** Texts of another area (the defaults speak of requests over time). */
  labels?: { noData?: string; time?: string };
  /** The value axis from 0 to this, whatever the values (e.g. 1 for a share). */
  maxValue?: number;
}

/** Line styles besides colour, so series differ without colour too (legend shows the same). */
const DASH: Record<ChartSeries['color'], string | undefined> = { 'chart-1': undefined, 'chart-2': '6 4', 'chart-3': '2 3', 'chart-4': undefined };

function formatter(kind: ValueKind | 'count', fmt: NumberFormatter): (value: number) => string {
  if (kind === 'ms') return (value) => formatMs(fmt, value);
  if (kind === 'ratio') return (value) => formatRatio(fmt, value);
  if (kind === 'count') return (value) => fmt(value, { maximumFractionDigits: 0 });
  return (value) => formatNumber(fmt, value);
}

/**
 * One chart (System health, also the cache's hit rate): a figure whose caption says what it shows, a legend
 * drawn here (Tremor's renders an <ol> of <div>s), the chart, and a "Show as table" toggle
 * revealing the same figures as a table. No animation: the page refreshes every 10 s, and
 * people who asked for reduced motion should not see lines move at all.
 */
export function ChartFigure({ type, title, caption, series, points, valueKind, timeFormat, extraColumns = [], labels = {}, maxValue }: ChartFigureProps) {
  const t = useTranslations('health.charts');
  const format = useFormatter();
  const fmt: NumberFormatter = (value, options) => format.number(value, options);
  const formatValue = formatter(valueKind, fmt);
  const [open, setOpen] = useState(false);
  const id = useId();
  const tableId = `${id}-table`;
  const captionId = `${id}-caption`;

  const labelOf = (at: number) => format.dateTime(new Date(at), timeFormat);
  const data = points.map((point) => {
    const row: Record<string, string | number | null> = { time: labelOf(point.at) };
    for (const s of series) row[s.label] = point.values[s.key] ?? null;
    return row;
  });
  const values = points.flatMap((point) => series.map((s) => point.values[s.key])).filter((value): value is number => typeof value === 'number');
  const hasValues = values.length > 0;
  // All zero (no errors at all): the axis still reads 0–1 %, not 0–400 %.
  const allZero = hasValues && values.every((value) => value === 0);
  const common = {
    data,
    index: 'time',
    categories: series.map((s) => s.label),
    colors: series.map((s) => s.color),
    valueFormatter: formatValue,
    showLegend: false,
    showAnimation: false,
    noDataText: labels.noData ?? t('noData'),
    yAxisWidth: 84,
    minValue: 0,
    maxValue: maxValue ?? (allZero ? (valueKind === 'ratio' ? 0.01 : 1) : undefined),
    className: 'h-56',
  };

  return (
    <figure aria-labelledby={captionId} className="health-chart flex min-w-0 flex-col gap-3 rounded-lg border border-line bg-canvas p-4">
      <figcaption id={captionId}>
        <span className="block font-semibold">{title}</span>
        <span className="block text-sm text-muted">{caption}</span>
      </figcaption>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t('legend')}>
        {series.map((s) => (
          <li key={s.key} className="inline-flex items-center gap-2">
            <svg aria-hidden="true" width="24" height="8" viewBox="0 0 24 8" className={`stroke-${s.color} fill-${s.color}`}>
              {type === 'line' ? (
                <line x1="0" y1="4" x2="24" y2="4" strokeWidth="3" strokeDasharray={DASH[s.color]} />
              ) : (
                <rect x="0" y="0" width="24" height="8" rx="2" />
              )}
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      {/* The plot is drawn left to right (time runs that way) in every language; its numbers are in the table. */}
      <div dir="ltr" aria-hidden="true" className="min-w-0">
        {!hasValues ? (
          <p className="flex h-56 items-center justify-center rounded-md border border-dashed border-field text-muted">{labels.noData ?? t('noData')}</p>
        ) : type === 'line' ? (
          <LineChart {...common} connectNulls={false} />
        ) : type === 'area' ? (
          <AreaChart {...common} connectNulls={false} />
        ) : (
          <BarChart {...common} />
        )}
      </div>
      <div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={tableId}
          onClick={() => setOpen((value) => !value)}
          className="inline-flex items-center gap-2 rounded-md border border-field px-3 py-1 text-sm"
        >
          <span aria-hidden="true" className={`inline-block ${open ? 'rotate-90' : 'rtl:rotate-180'}`}>
            ▸
          </span>
          {t('showTable')}
        </button>
      </div>
      {/* Scrolls on its own when long: focusable, so keyboard users can scroll it too. */}
      <div id={tableId} hidden={!open} className="max-h-96 overflow-auto" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="p-2 text-start">
                {labels.time ?? t('time')}
              </th>
              {extraColumns.map((column) => (
                <th key={column.key} scope="col" className="p-2 text-end">
                  {column.label}
                </th>
              ))}
              {series.map((s) => (
                <th key={s.key} scope="col" className="p-2 text-end">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point, index) => (
              <tr key={point.at} className="border-b border-line">
                <th scope="row" className="whitespace-nowrap p-2 text-start font-normal">
                  <time dateTime={new Date(point.at).toISOString()}>{labelOf(point.at)}</time>
                </th>
                {extraColumns.map((column) => {
                  const value = column.values[index];
                  return (
                    <td key={column.key} className="whitespace-nowrap p-2 text-end tabular-nums">
                      {value === null || value === undefined ? '—' : formatter(column.kind, fmt)(value)}
                    </td>
                  );
                })}
                {series.map((s) => {
                  const value = point.values[s.key];
                  return (
                    <td key={s.key} className="whitespace-nowrap p-2 text-end tabular-nums">
                      {value === null || value === undefined ? '—' : formatValue(value)}
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
