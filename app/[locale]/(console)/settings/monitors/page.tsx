import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { MonitorForm } from '@/components/monitors/MonitorForm';
import { MonitorsTable } from '@/components/monitors/MonitorsTable';
import { EmptyState } from '@/components/shell/EmptyState';
import { PageHeader } from '@/components/shell/PageHeader';
import { getDb } from '@/lib/db/database';
import { listMonitorStatus } from '@/lib/monitors/queries';
import { getSetting } from '@/lib/settings/settings';
import { createMonitorAction, setMonitorActiveAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('monitors'))('title') };
}

export default async function MonitorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('monitors.manage');
  const t = await getTranslations('monitors');
  const db = await getDb();
  const [monitors, allowPrivate, params] = await Promise.all([listMonitorStatus(db), getSetting(db, 'network.allow_private_targets'), searchParams]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <p role="status" className="mb-4 font-medium text-success">
        {params.deleted === '1' ? t('deleted') : ''}
      </p>
      <p className="mb-8 max-w-3xl rounded-md border border-line bg-surface p-3">
        {allowPrivate ? t('privateAllowed') : t('privateRefused')}{' '}
        <Link href="/settings/network" className="text-accent underline">
          {t('networkLink')}
        </Link>
      </p>
      <section aria-labelledby="new-monitor-title" className="mb-10 max-w-2xl">
        <h2 id="new-monitor-title" className="mb-4 text-lg font-semibold">
          {t('createTitle')}
        </h2>
        <MonitorForm action={createMonitorAction} />
      </section>
      <p id="uptime-help" className="mb-4 max-w-3xl text-sm text-muted">
        {t('uptimeHelp')}
      </p>
      {monitors.length ? (
        <MonitorsTable monitors={monitors} setActiveAction={setMonitorActiveAction} />
      ) : (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      )}
    </>
  );
}
