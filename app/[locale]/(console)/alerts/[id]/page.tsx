import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { AlertResponse } from '@/components/alerts/AlertResponse';
import { SeverityBadge } from '@/components/alerts/SeverityBadge';
import { PageHeader } from '@/components/shell/PageHeader';
import { alertDetail } from '@/lib/alerting/queries';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db/database';
import { acknowledgeAlertAction, resolveAlertAction } from '../actions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('alerts') };
}

/** One alert: what fired, its timeline, each notification with its attempts; respond by hand. */
export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('console.read');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const [t, format, db] = await Promise.all([getTranslations('alertCenter'), getFormatter(), getDb()]);
  const detail = await alertDetail(db, id);
  if (!detail) notFound();
  const { alert, rule } = detail;
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'medium' });
  const canRespond = can(user.role, 'alerts.respond') && !alert.resolved;
  const channelOf = (d: Record<string, unknown> | null) => (typeof d?.channel === 'string' && d.channel ? d.channel : '—');
  return (
    <>
      <p className="mb-4">
        <Link href="/alerts" className="text-accent underline">{t('backToList')}</Link>
      </p>
      <PageHeader title={t('detailTitle', { rule: rule?.ruleName ?? t('deletedRule') })} description={alert.message} />
      <dl className="mb-8 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium">{t('severity')}</dt>
        <dd><SeverityBadge severity={alert.severity} /></dd>
        <dt className="font-medium">{t('status')}</dt>
        {/* A live region that stays on the page: acknowledging or resolving removes its own form
            (and the form's message), so the new status is what a screen reader hears. */}
        <dd><span role="status">{t(`statuses.${alert.resolved ? 'resolved' : alert.acknowledgedAt ? 'acknowledged' : 'open'}`)}</span></dd>
        <dt className="font-medium">{t('value')}</dt>
        <dd>{alert.value === null ? '—' : format.number(alert.value, { maximumFractionDigits: 3 })}</dd>
        <dt className="font-medium">{t('threshold')}</dt>
        <dd>{alert.threshold === null ? '—' : format.number(alert.threshold, { maximumFractionDigits: 3 })}</dd>
        <dt className="font-medium">{t('started')}</dt>
        <dd><time dateTime={alert.createdAt.toISOString()}>{when(alert.createdAt)}</time></dd>
      </dl>

      <section aria-labelledby="timeline-title" className="mb-10">
        <h2 id="timeline-title" className="mb-3 text-lg font-semibold">{t('timeline')}</h2>
        <ol className="flex flex-col gap-2 border-s-2 border-line ps-4">
          {detail.events.map(({ event, actorEmail }) => {
            const d = event.detail;
            return (
              <li key={event.id}>
                <time dateTime={event.at.toISOString()} className="me-2 text-muted">{when(event.at)}</time>
                <span className="font-medium">{t(`events.${event.type}`, { channel: channelOf(d), actor: actorEmail ?? t('system') })}</span>
                {event.type === 'resolved' && actorEmail && <span> {t('byWhom', { actor: actorEmail })}</span>}
                {typeof d?.comment === 'string' && (
                  <span className="block text-sm">{t('comment')}: {d.comment}</span>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="notifications-title" className="mb-10">
        <h2 id="notifications-title" className="mb-3 text-lg font-semibold">{t('notifications')}</h2>
        {detail.notifications.length === 0 ? (
          <p>{t('noNotifications')}</p>
        ) : (
          <table className="w-full text-start">
            <caption className="sr-only">{t('notifications')}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="p-2 text-start">{t('channel')}</th>
                <th scope="col" className="p-2 text-start">{t('kind')}</th>
                <th scope="col" className="p-2 text-start">{t('status')}</th>
                <th scope="col" className="p-2 text-start">{t('attempts')}</th>
                <th scope="col" className="p-2 text-start">{t('lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.notifications.map((n) => (
                <tr key={n.outbox.id} className="border-b border-line align-top">
                  <td className="p-2">{n.channelName} ({n.channelType})</td>
                  <td className="p-2">{n.outbox.kind}</td>
                  <td className="p-2">{n.outbox.status === 'delivered' ? t('delivered') : n.outbox.status === 'failed' ? t('failed') : t('pendingDelivery')}</td>
                  <td className="p-2">
                    <ol>
                      {n.attempts.map((a) => (
                        <li key={a.id}>{t('attemptLine', { time: when(a.attemptedAt), outcome: t(`outcomes.${a.outcome}`), code: a.statusCode ?? '' })}</li>
                      ))}
                    </ol>
                  </td>
                  <td className="p-2">{n.outbox.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {canRespond && (
        <section aria-labelledby="respond-title" className="grid gap-8 md:grid-cols-2">
          <h2 id="respond-title" className="sr-only">{t('acknowledge')} / {t('resolve')}</h2>
          {!alert.acknowledgedAt && <AlertResponse alertId={alert.id} kind="acknowledge" action={acknowledgeAlertAction} />}
          <AlertResponse alertId={alert.id} kind="resolve" action={resolveAlertAction} />
        </section>
      )}
      {alert.acknowledgedAt && (
        <p className="mt-6">{t('ackedBy', { actor: detail.acknowledgedByEmail ?? t('system'), time: when(alert.acknowledgedAt) })}</p>
      )}
    </>
  );
}
