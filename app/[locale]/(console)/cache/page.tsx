import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/app/_server/session';
import { CacheSummary, PrefixTable, TopKeysTable } from '@/components/cache/CacheTables';
import { HitRateChart } from '@/components/cache/HitRateChart';
import { PurgeForm } from '@/components/cache/PurgeForm';
import { PageHeader } from '@/components/shell/PageHeader';
import { can } from '@/lib/auth/permissions';
import { cacheOverview, cachePrefixTotals, hitRateSeries } from '@/lib/cache/queries';
import { getCache } from '@/lib/cache/runtime';
import { getDb } from '@/lib/db/database';
import { purgeCacheAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('cache') };
}

export const dynamic = 'force-dynamic';

/** CacheManager: hit rate over time, per-prefix counts, size, top keys and TTLs; purge (admin). */
export default async function CachePage() {
  const user = await requirePermission('console.read');
  const nav = await getTranslations('nav');
  const t = await getTranslations('cacheManager');
  const db = await getDb();
  const now = new Date();
  const cache = await getCache();
  // Sums over a day of metric rows: cached briefly (the cache reporting on itself).
  const [overview, prefixes, series] = await Promise.all([
    cacheOverview(db, now),
    cache.wrap('cachemanager:prefixes:24h', () => cachePrefixTotals(db, now), { ttlSeconds: 15, tags: ['metrics'] }),
    cache.wrap('cachemanager:hit-rate:24h', () => hitRateSeries(db, now), { ttlSeconds: 15, tags: ['metrics'] }),
  ]);
  return (
    <>
      <PageHeader title={nav('cache')} description={t('description')} />
      <CacheSummary overview={overview} l2Kind={cache.l2Kind} />
      <section aria-labelledby="cache-activity-heading" className="mb-8">
        <h2 id="cache-activity-heading" className="mb-3 text-xl font-semibold">
          {t('activityHeading')}
        </h2>
        <HitRateChart points={series} />
      </section>
      <PrefixTable prefixes={prefixes} />
      <TopKeysTable keys={overview.topKeys} />
      {can(user.role, 'cache.manage') && (
        <section aria-labelledby="purge-heading">
          <h2 id="purge-heading" className="mb-3 text-xl font-semibold">
            {t('purge.title')}
          </h2>
          <PurgeForm action={purgeCacheAction} />
        </section>
      )}
    </>
  );
}
