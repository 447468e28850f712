import { getFormatter, getTranslations } from 'next-intl/server';
import type { DatabasePanel as Panel, Reading } from '@/lib/health-dashboard/types';
import { formatBytes, formatCount, formatMs, formatNumber, formatRatio, type NumberFormatter } from './format';

type Key = Exclude<keyof Panel, 'kind'>;

/** Round trip, connections and pg_stat_database figures; what PGlite cannot answer says so. */
export async function DatabasePanel({ panel }: { panel: Panel }) {
  const t = await getTranslations('health.database');
  const format = await getFormatter();
  const fmt: NumberFormatter = (value, options) => format.number(value, options);
  const shown: Record<Key, (value: number) => string> = {
    roundTripAvgMs: (v) => formatMs(fmt, v),
    roundTripLatestMs: (v) => formatMs(fmt, v),
    activeConnections: (v) => formatCount(fmt, v),
    idleConnections: (v) => formatCount(fmt, v),
    totalConnections: (v) => formatCount(fmt, v),
    maxConnections: (v) => formatCount(fmt, v),
    cacheHitRatio: (v) => formatRatio(fmt, v),
    commitsPerS: (v) => t('perSecond', { value: formatNumber(fmt, v) }),
    rollbacksPerS: (v) => t('perSecond', { value: formatNumber(fmt, v) }),
    deadlocks: (v) => formatCount(fmt, v),
    sizeBytes: (v) => formatBytes(fmt, v),
  };
  const value = (reading: Reading, key: Key) => {
    if (reading.state === 'unavailable') return <span className="text-muted">{t('unavailable')}</span>;
    if (reading.state === 'none') return <span className="text-muted">{t('none')}</span>;
    return (
      <>
        <span className="tabular-nums">{shown[key](reading.value)}</span>
        {reading.at !== undefined && (
          <span className="block text-xs text-muted">
            {t('asOf', { time: format.dateTime(new Date(reading.at), { dateStyle: 'short', timeStyle: 'medium' }) })}
          </span>
        )}
      </>
    );
  };
  const keys = Object.keys(shown) as Key[];
  return (
    <section aria-labelledby="health-database-heading" className="rounded-lg border border-line p-4">
      <h2 id="health-database-heading" className="mb-1 text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="mb-3 text-sm text-muted">{t(panel.kind === 'postgres' ? 'enginePostgres' : 'engineEmbedded')}</p>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
        {keys.map((key) => (
          <div key={key} className="border-b border-line pb-2" data-reading={key}>
            <dt className="text-sm text-muted">{t(`names.${key}`)}</dt>
            <dd>{value(panel[key], key)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
