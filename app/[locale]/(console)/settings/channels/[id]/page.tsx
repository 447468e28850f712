import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { ChannelEditForm, type EditableChannel } from '@/components/channels/ChannelEditForm';
import { PageHeader } from '@/components/shell/PageHeader';
import { getDb } from '@/lib/db/database';
import { LOCALES, LOCALE_NAMES } from '@/lib/i18n/config';
import { getChannel } from '@/lib/notifications/channel-admin';
import { updateChannelAction } from '../actions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('channelEdit'))('pageTitle') };
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** Settings > Notification channels > edit: only the public view and the secret's hint reach the page. */
export default async function EditChannelPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('alerts.manage');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const [t, tc] = await Promise.all([getTranslations('channelEdit'), getTranslations('channels')]);
  const channel = await getChannel(await getDb(), id);
  if (!channel) notFound();
  const config = channel.publicConfig;
  const editable: EditableChannel = {
    id: channel.id,
    name: channel.name,
    type: channel.type,
    locale: channel.locale,
    timeZone: channel.timeZone,
    secretHint: channel.secretHint,
    smtp:
      channel.type === 'email'
        ? { host: text(config.host), port: text(config.port) || '587', secure: config.secure === true ? 'true' : 'false', username: text(config.username), from: text(config.from), to: Array.isArray(config.to) ? config.to.map(text).join(', ') : '' }
        : null,
  };
  return (
    <>
      <p className="mb-4">
        <Link href="/settings/channels" className="text-accent underline">{t('back')}</Link>
      </p>
      <PageHeader title={t('title', { name: channel.name })} description={t('description')} />
      <section aria-label={tc('title')} className="max-w-2xl">
        <ChannelEditForm action={updateChannelAction} channel={editable} locales={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
      </section>
    </>
  );
}
