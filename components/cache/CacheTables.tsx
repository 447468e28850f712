import { getFormatter, getTranslations } from 'next-intl/server';
import type { CacheOverview, PrefixTotals } from '@/lib/cache/queries';

const th = 'p-2 text-start';
const num = 'p-2 text-end tabular-nums';

export async function CacheSummary({ overview, l2Kind }: { overview: CacheOverview; l2Kind: string }) {
  const t = await getTranslations('cacheManager');
  const format = await getFormatter();
  return (
    <dl className="mb-8 grid grid-cols-1 gap-4 sm:grid-cols-3">
      <div className="rounded-lg border border-line p-4">
        <dt className="text-sm text-muted">{t('summary.entries')}</dt>
        <dd className="text-2xl font-semibold tabular-nums">{format.number(overview.entries)}</dd>
      </div>
      <div className="rounded-lg border border-line p-4">
        <dt className="text-sm text-muted">{t('summary.size')}</dt>
        <dd className="text-2xl font-semibold tabular-nums">{format.number(overview.bytes / 1024, { maximumFractionDigits: 1 })} KiB</dd>
      </div>
      <div className="rounded-lg border border-line p-4">
        <dt className="text-sm text-muted">{t('summary.store')}</dt>
        <dd className="text-2xl font-semibold">{t(`summary.stores.${l2Kind === 'redis' ? 'redis' : 'postgres'}`)}</dd>
      </div>
    </dl>
  );
}

export async function PrefixTable({ prefixes }: { prefixes: PrefixTotals[] }) {
  const t = await getTranslations('cacheManager.prefixes');
  const format = await getFormatter();
  const n = (value: number) => format.number(value, { maximumFractionDigits: 0 });
  return (
    <div className="mb-8 overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-start text-lg font-semibold">{t('title')}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className={th}>{t('prefix')}</th>
            <th scope="col" className="p-2 text-end">{t('hits')}</th>
            <th scope="col" className="p-2 text-end">{t('l2Hits')}</th>
            <th scope="col" className="p-2 text-end">{t('misses')}</th>
            <th scope="col" className="p-2 text-end">{t('evictions')}</th>
            <th scope="col" className="p-2 text-end">{t('hitRate')}</th>
          </tr>
        </thead>
        <tbody>
          {prefixes.length === 0 ? (
            <tr>
              <td colSpan={6} className="p-2">{t('none')}</td>
            </tr>
          ) : (
            prefixes.map((row) => {
              const asked = row.hits + row.l2Hits + row.misses;
              return (
                <tr key={row.prefix} className="border-b border-line">
                  <th scope="row" className={`${th} font-normal`}>
                    <code className="font-mono" dir="ltr">{row.prefix}</code>
                  </th>
                  <td className={num}>{n(row.hits)}</td>
                  <td className={num}>{n(row.l2Hits)}</td>
                  <td className={num}>{n(row.misses)}</td>
                  <td className={num}>{n(row.evictions)}</td>
                  <td className={num}>{asked > 0 ? format.number((row.hits + row.l2Hits) / asked, { style: 'percent', maximumFractionDigits: 1 }) : '—'}</td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}

export async function TopKeysTable({ keys }: { keys: CacheOverview['topKeys'] }) {
  const t = await getTranslations('cacheManager.topKeys');
  const format = await getFormatter();
  return (
    <div className="mb-8 overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-start text-lg font-semibold">{t('title')}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className={th}>{t('key')}</th>
            <th scope="col" className="p-2 text-end">{t('hits')}</th>
            <th scope="col" className="p-2 text-end">{t('ttl')}</th>
            <th scope="col" className={th}>{t('expires')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.length === 0 ? (
            <tr>
              <td colSpan={4} className="p-2">{t('none')}</td>
            </tr>
          ) : (
            keys.map((row) => (
              <tr key={row.key} className="border-b border-line">
                <th scope="row" className={`${th} font-normal`}>
                  <code className="break-all font-mono" dir="ltr">{row.key}</code>
                </th>
                <td className={num}>{format.number(row.hits)}</td>
                <td className={num}>{t('seconds', { seconds: row.ttlSeconds })}</td>
                <td className="p-2">
                  <time dateTime={row.expiresAt.toISOString()}>{format.dateTime(row.expiresAt, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
