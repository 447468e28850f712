import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { DeleteMonitor } from '@/components/monitors/DeleteMonitor';
import { MonitorForm } from '@/components/monitors/MonitorForm';
import { RecentChecksTable } from '@/components/monitors/RecentChecksTable';
import { EmptyState } from '@/components/shell/EmptyState';
import { PageHeader } from '@/components/shell/PageHeader';
import { getDb } from '@/lib/db/database';
import { getMonitor, listRecentChecks } from '@/lib/monitors/queries';
import { deleteMonitorAction, updateMonitorAction } from '../actions';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('monitors'))('editTitle') };
}

export default async function EditMonitorPage({ params }: Props) {
  await requirePermission('monitors.manage');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const monitor = await getMonitor(db, id);
  if (!monitor) notFound();
  const checks = await listRecentChecks(db, id, 20);
  const t = await getTranslations('monitors');
  return (
    <>
      <p className="mb-2">
        <Link href="/settings/monitors" className="text-accent underline">
          {t('backToList')}
        </Link>
      </p>
      <PageHeader title={t('editTitleFor', { name: monitor.name })} description={t('editDescription')} />
      <section aria-labelledby="edit-monitor-title" className="mb-10 max-w-2xl">
        <h2 id="edit-monitor-title" className="mb-4 text-lg font-semibold">
          {t('settingsTitle')}
        </h2>
        <MonitorForm
          action={updateMonitorAction}
          monitorId={monitor.id}
          initial={{
            name: monitor.name,
            url: monitor.url,
            method: monitor.method,
            expectedStatus: String(monitor.expectedStatus),
            timeoutMs: String(monitor.timeoutMs),
            intervalSeconds: String(monitor.intervalSeconds),
            degradedAfterMs: String(monitor.degradedAfterMs),
          }}
        />
      </section>
      <div className="mb-10">
        {checks.length ? <RecentChecksTable checks={checks} /> : <EmptyState title={t('noChecksTitle')} body={t('noChecksBody')} />}
      </div>
      <section aria-labelledby="delete-monitor-title" className="max-w-2xl">
        <h2 id="delete-monitor-title" className="mb-2 text-lg font-semibold">
          {t('deleteTitle')}
        </h2>
        <DeleteMonitor monitorId={monitor.id} name={monitor.name} action={deleteMonitorAction} />
      </section>
    </>
  );
}
