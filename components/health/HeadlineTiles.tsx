import { getFormatter, getTranslations } from 'next-intl/server';
import type { RangeKey } from '@/lib/health-dashboard/ranges';
import type { Comparison, HealthDashboard } from '@/lib/health-dashboard/types';
import { compare, type Change, type Polarity } from './change';
import { formatBytes, formatCpu, formatMs, formatNumber, formatRatio, type NumberFormatter } from './format';

interface Tile {
  key: keyof HealthDashboard['tiles'];
  value: Comparison;
  polarity: Polarity;
  unit: Change['unit'];
  /** Scale of a 'points' figure to percent: 100 for ratios, 1 for figures already in percent. */
  scale?: number;
  show: (value: number) => string;
}

const ARROW = { up: '▲', down: '▼', same: '=' } as const;
const TONE = { better: 'text-success', worse: 'text-danger', neutral: 'text-muted' } as const;

/**
 * The headline figures of the period, each with how it changed against the period of the
 * same length before: an arrow, words ("12 % higher than the previous hour (84 ms)") and a
 * verdict word; the colour only repeats what the words say.
 */
export async function HeadlineTiles({ tiles, range }: { tiles: HealthDashboard['tiles']; range: RangeKey }) {
  const t = await getTranslations('health.tiles');
  const tc = await getTranslations('health.change');
  const format = await getFormatter();
  const fmt: NumberFormatter = (value, options) => format.number(value, options);
  const perSecond = (value: number) => t('perSecond', { value: formatNumber(fmt, value) });
  const list: Tile[] = [
    { key: 'p95LatencyMs', value: tiles.p95LatencyMs, polarity: 'lower-is-better', unit: 'relative', show: (v) => formatMs(fmt, v) },
    { key: 'errorRate', value: tiles.errorRate, polarity: 'lower-is-better', unit: 'points', show: (v) => formatRatio(fmt, v) },
    { key: 'throughputPerS', value: tiles.throughputPerS, polarity: 'neutral', unit: 'relative', show: perSecond },
    { key: 'uptime', value: tiles.uptime, polarity: 'higher-is-better', unit: 'points', show: (v) => formatRatio(fmt, v) },
    { key: 'dbRoundTripMs', value: tiles.dbRoundTripMs, polarity: 'lower-is-better', unit: 'relative', show: (v) => formatMs(fmt, v) },
    { key: 'memoryRssBytes', value: tiles.memoryRssBytes, polarity: 'lower-is-better', unit: 'relative', show: (v) => formatBytes(fmt, v) },
    { key: 'cpuPercent', value: tiles.cpuPercent, polarity: 'lower-is-better', unit: 'points', scale: 1, show: (v) => formatCpu(fmt, v) },
  ];
  const period = tc(`period.${range}`);

  function describe(tile: Tile): { text: string; change: Change | null } {
    const { current, previous } = tile.value;
    if (previous === null) return { text: tc('noPrevious', { period }), change: null };
    const change = compare(tile.value, tile.polarity, tile.unit, tile.scale ?? 100);
    const was = tile.show(previous);
    if (!change || current === null) return { text: tc('previousOnly', { period, previous: was }), change: null };
    if (change.direction === 'same') return { text: tc('same', { period, previous: was }), change };
    const amount =
      change.unit === 'points'
        ? tc('points', { value: formatNumber(fmt, change.amount) })
        : Number.isFinite(change.amount)
          ? formatRatio(fmt, change.amount)
          : null;
    const text = amount === null ? tc('upFromNothing', { period }) : tc(change.direction, { change: amount, period, previous: was });
    return { text, change };
  }

  return (
    <section aria-labelledby="health-tiles-heading" className="mb-8">
      <h2 id="health-tiles-heading" className="sr-only">
        {t('heading', { period })}
      </h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {list.map((tile) => {
          const { text, change } = describe(tile);
          return (
            <div key={tile.key} className="flex flex-col gap-1 rounded-lg border border-line bg-surface p-4" data-tile={tile.key}>
              <dt className="text-sm font-medium text-muted">
                {t(`names.${tile.key}`)}
                <span className="block text-xs font-normal">{t(`hints.${tile.key}`)}</span>
              </dt>
              <dd className="text-2xl font-semibold tabular-nums">{tile.value.current === null ? t('noData') : tile.show(tile.value.current)}</dd>
              <dd className={`text-sm ${change ? TONE[change.verdict] : 'text-muted'}`}>
                {change && (
                  <span aria-hidden="true" className="me-1">
                    {ARROW[change.direction]}
                  </span>
                )}
                {text}
                {change && change.verdict !== 'neutral' && <strong className="ms-1 font-semibold">{tc(change.verdict)}</strong>}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
