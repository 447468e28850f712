import { getTranslations } from 'next-intl/server';
import type { AuditSearchValues } from '@/lib/audit/search-params';

const field = 'rounded-md border border-field bg-canvas px-3 py-2 text-ink';

/**
 * A plain GET form: filters live in the URL, so a filtered view can be shared, reloaded and
 * exported as it is. Times are typed in the reader's own time zone.
 */
export async function AuditFilterForm({
  values,
  actions,
  outcomes,
  timeZone,
}: {
  values: Omit<AuditSearchValues, 'before'>;
  actions: readonly string[];
  outcomes: readonly ('success' | 'denied' | 'failed')[];
  timeZone: string;
}) {
  const t = await getTranslations('audit');
  const zoneHint = t('timeZoneHint', { timeZone });
  return (
    <form method="get" className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label={t('filterLabel')}>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-actor" className="font-medium">{t('actor')}</label>
        <input id="audit-actor" name="actor" defaultValue={values.actor ?? ''} aria-describedby="audit-actor-hint" className={field} />
        <p id="audit-actor-hint" className="text-sm text-muted">{t('actorHint')}</p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-action" className="font-medium">{t('action')}</label>
        <select id="audit-action" name="action" defaultValue={values.action ?? ''} className={field}>
          <option value="">{t('anyAction')}</option>
          {actions.map((name) => (
            <option key={name} value={name}>{name}</option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-target" className="font-medium">{t('target')}</label>
        <input id="audit-target" name="target" defaultValue={values.target ?? ''} aria-describedby="audit-target-hint" className={field} />
        <p id="audit-target-hint" className="text-sm text-muted">{t('targetHint')}</p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-outcome" className="font-medium">{t('outcome')}</label>
        <select id="audit-outcome" name="outcome" defaultValue={values.outcome ?? ''} className={field}>
          <option value="">{t('anyOutcome')}</option>
          {outcomes.map((outcome) => (
            <option key={outcome} value={outcome}>{t(`outcomes.${outcome}`)}</option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-from" className="font-medium">{t('from')}</label>
        <input id="audit-from" name="from" type="datetime-local" defaultValue={values.from ?? ''} aria-describedby="audit-zone-hint" className={field} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-to" className="font-medium">{t('to')}</label>
        <input id="audit-to" name="to" type="datetime-local" defaultValue={values.to ?? ''} aria-describedby="audit-zone-hint" className={field} />
        <p id="audit-zone-hint" className="text-sm text-muted">{zoneHint}</p>
      </div>
      <div className="flex flex-col gap-1 sm:col-span-2">
        <label htmlFor="audit-q" className="font-medium">{t('search')}</label>
        <input id="audit-q" name="q" type="search" defaultValue={values.q ?? ''} aria-describedby="audit-q-hint" className={field} />
        <p id="audit-q-hint" className="text-sm text-muted">{t('searchHint')}</p>
      </div>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-4">
        <button type="submit" className="rounded-md border border-accent bg-accent px-4 py-2 font-medium text-on-accent">
          {t('apply')}
        </button>
        <a href="?" className="text-accent underline">{t('clear')}</a>
      </div>
    </form>
  );
}
