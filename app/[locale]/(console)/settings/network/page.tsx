import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { NetworkSettingsForm } from '@/components/monitors/NetworkSettingsForm';
import { PageHeader } from '@/components/shell/PageHeader';
import { getDb } from '@/lib/db/database';
import { getSetting } from '@/lib/settings/settings';
import { saveNetworkSettingsAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('networkSettings'))('title') };
}

export default async function NetworkSettingsPage() {
  await requirePermission('monitors.manage');
  const t = await getTranslations('networkSettings');
  const allowPrivate = await getSetting(await getDb(), 'network.allow_private_targets');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <NetworkSettingsForm action={saveNetworkSettingsAction} allowPrivateTargets={allowPrivate} />
      <p className="mt-6">
        <Link href="/settings/monitors" className="text-accent underline">
          {t('monitorsLink')}
        </Link>
      </p>
    </>
  );
}
