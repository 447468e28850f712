import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { ChannelActions } from '@/components/channels/ChannelActions';
import { ChannelForm } from '@/components/channels/ChannelForm';
import { EmptyState } from '@/components/shell/EmptyState';
import { PageHeader } from '@/components/shell/PageHeader';
import { getDb } from '@/lib/db/database';
import { LOCALES, LOCALE_NAMES } from '@/lib/i18n/config';
import { listChannels } from '@/lib/notifications/channel-admin';
import { createChannelAction, deleteChannelAction, setChannelActiveAction, testChannelAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('channels'))('title') };
}

/** Settings > Notification channels (admins): secrets are shown only as their hint. */
export default async function ChannelsPage() {
  const user = await requirePermission('alerts.manage');
  const [t, te] = await Promise.all([getTranslations('channels'), getTranslations('channelEdit')]);
  const channels = await listChannels(await getDb());
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <section aria-labelledby="new-channel-title" className="mb-10 max-w-2xl">
        <h2 id="new-channel-title" className="mb-4 text-lg font-semibold">{t('createTitle')}</h2>
        <ChannelForm action={createChannelAction} locales={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} defaultTimeZone={user.timeZone} />
      </section>
      {channels.length === 0 ? (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-start">
            <caption className="mb-2 text-start font-semibold">{t('tableCaption')}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="p-2 text-start">{t('name')}</th>
                <th scope="col" className="p-2 text-start">{t('type')}</th>
                <th scope="col" className="p-2 text-start">{t('secret')}</th>
                <th scope="col" className="p-2 text-start">{t('locale')}</th>
                <th scope="col" className="p-2 text-start">{t('state')}</th>
                <th scope="col" className="p-2 text-start">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => (
                <tr key={c.id} className="border-b border-line align-top">
                  <td className="p-2 font-medium">{c.name}</td>
                  <td className="p-2">{t(`types.${c.type}`)}</td>
                  <td className="p-2"><code>{c.secretHint ?? '—'}</code></td>
                  <td className="p-2">{LOCALE_NAMES[c.locale as keyof typeof LOCALE_NAMES] ?? c.locale}, {c.timeZone}</td>
                  <td className="p-2">{c.isActive ? t('active') : t('inactive')}</td>
                  <td className="p-2">
                    <Link href={`/settings/channels/${c.id}`} className="mb-2 inline-block text-accent underline">
                      {te('edit')}
                      <span className="sr-only"> {c.name}</span>
                    </Link>
                    <ChannelActions channelId={c.id} name={c.name} isActive={c.isActive} testAction={testChannelAction} setActiveAction={setChannelActiveAction} deleteAction={deleteChannelAction} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
