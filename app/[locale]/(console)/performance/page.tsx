import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/app/_server/session';
import { RateLimitsSection } from '@/components/performance/RateLimitsSection';
import { PageHeader } from '@/components/shell/PageHeader';
import { can } from '@/lib/auth/permissions';
import { getCache } from '@/lib/cache/runtime';
import { getDb } from '@/lib/db/database';
import { listQuotaUsage } from '@/lib/quotas/queries';
import { listOverrides } from '@/lib/rate-limit/overrides';
import { POLICIES, QUOTA_WARNING_RATIO } from '@/lib/rate-limit/policies';
import { recentThrottleEvents, refusalsByRoute } from '@/lib/rate-limit/queries';
import { listThrottleState } from '@/lib/rate-limit/throttle';
import { removeOverrideAction, setOverrideAction, setQuotaAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('performance') };
}

export const dynamic = 'force-dynamic';

/** Performance: rate limits first; later sections (query analysis, index advice) go below. */
export default async function PerformancePage() {
  const user = await requirePermission('console.read');
  const nav = await getTranslations('nav');
  const t = await getTranslations('performance');
  const db = await getDb();
  const now = new Date();
  const [throttle, refusals, overrides, quotas, events] = await Promise.all([
    listThrottleState(db),
    // A sum over a day of metric rows: cached briefly, shared by every instance (L2).
    getCache().then((cache) => cache.wrap('performance:refusals:24h', () => refusalsByRoute(db, now), { ttlSeconds: 15, tags: ['metrics'] })),
    listOverrides(db),
    listQuotaUsage(db, now),
    recentThrottleEvents(db),
  ]);
  return (
    <>
      <PageHeader title={nav('performance')} description={t('description')} />
      <RateLimitsSection
        data={{ policies: Object.values(POLICIES), throttle, refusals, overrides, quotas, events, warningRatio: QUOTA_WARNING_RATIO }}
        manage={can(user.role, 'performance.manage')}
        actions={{ setOverride: setOverrideAction, removeOverride: removeOverrideAction, setQuota: setQuotaAction }}
      />
    </>
  );
}
