import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/app/_server/session';
import { CacheSummary, PrefixTable, TopKeysTable } from '@/components/cache/CacheTables';
import { HitRateChart } from '@/components/cache/HitRateChart';
import { PurgeForm } from '@/components/cache/PurgeForm';
import { PageHeader } from '@/components/shell/PageHeader';
import { can } from '@/lib/auth/permissions';
import { cacheOverview, cachePrefixTotals, hitRateSeries } from '@/lib/cache/queries';
import { getDb } from '@/lib/db/database';
import { getRedis } from '@/lib/redis/client';
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
  const [overview, prefixes, series] = await Promise.all([cacheOverview(db, now), cachePrefixTotals(db, now), hitRateSeries(db, now)]);
  return (
    <>
      <PageHeader title={nav('cache')} description={t('description')} />
      <CacheSummary overview={overview} l2Kind={getRedis() ? 'redis' : 'postgres'} />
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
