import type { DateTimeFormatOptions } from 'next-intl';
import type { Metadata } from 'next';
import { after } from 'next/server';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/app/_server/session';
import { DatabasePanel } from '@/components/health/DatabasePanel';
import { EndpointTable } from '@/components/health/EndpointTable';
import { HeadlineTiles } from '@/components/health/HeadlineTiles';
import { HealthCharts } from '@/components/health/HealthCharts';
import { LiveRefresh } from '@/components/health/LiveRefresh';
import { MonitorsPanel } from '@/components/health/MonitorsPanel';
import { RangeSwitcher } from '@/components/health/RangeSwitcher';
import { EmptyState } from '@/components/shell/EmptyState';
import { PageHeader } from '@/components/shell/PageHeader';
import { getDatabase } from '@/lib/db/database';
import { loadDashboard, warmClosedSteps } from '@/lib/health-dashboard/load-dashboard';
import { parseRange, RANGE_KEYS } from '@/lib/health-dashboard/ranges';
import { sharedStepCache } from '@/lib/health-dashboard/step-cache';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('health') };
}

export default async function HealthPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('console.read');
  const range = parseRange((await searchParams).range);
  const { db, kind } = await getDatabase();
  const cache = sharedStepCache();
  const dashboard = await loadDashboard(db, { range, databaseKind: kind, cache });
  // Once the page is sent: the closed steps of the other ranges, so switching to 7 or 30 days
  // does not wait for a month of hourly sketches (a no-op while they are cached).
  after(async () => {
    for (const other of RANGE_KEYS) if (other !== range) await warmClosedSteps(db, { range: other, cache }).catch(() => undefined);
  });
  const nav = await getTranslations('nav');
  const area = await getTranslations('areas.health');
  const t = await getTranslations('health');
  const format = await getFormatter();
  const when: DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  const sources = format.list(
    dashboard.sources.map((source) => t(`sources.${source}`)),
    { type: 'conjunction' },
  );
  return (
    <>
      <PageHeader title={nav('health')} description={area('description')}>
        <LiveRefresh generatedAt={dashboard.generatedAt} />
      </PageHeader>
      <RangeSwitcher current={range} />
      <p className="mb-6 text-sm text-muted">
        {t('period', {
          from: format.dateTime(new Date(dashboard.current.from), when),
          to: format.dateTime(new Date(dashboard.current.to), when),
        })}{' '}
        {dashboard.sources.length > 0 && t('readFrom', { sources })}
      </p>
      {dashboard.hasAnyMetrics ? (
        <>
          <HeadlineTiles tiles={dashboard.tiles} range={range} />
          <HealthCharts series={dashboard.series} range={range} stepMs={dashboard.stepMs} />
          <EndpointTable rows={dashboard.endpoints} />
        </>
      ) : (
        <div className="mb-8">
          <EmptyState title={area('emptyTitle')} body={area('emptyBody')} />
        </div>
      )}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <DatabasePanel panel={dashboard.database} />
        <MonitorsPanel monitors={dashboard.monitors} />
      </div>
    </>
  );
}
