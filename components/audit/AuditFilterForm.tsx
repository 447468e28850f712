import { getTranslations } from 'next-intl/server';

/** A plain GET form: filters live in the URL, so a filtered view can be shared and reloaded. */
export async function AuditFilterForm({ actor, action, actions }: { actor: string; action: string; actions: readonly string[] }) {
  const t = await getTranslations('audit');
  return (
    <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label={t('filterLabel')}>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-actor" className="font-medium">
          {t('actor')}
        </label>
        <input id="audit-actor" name="actor" defaultValue={actor} className="rounded-md border border-field bg-canvas px-3 py-2" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-action" className="font-medium">
          {t('action')}
        </label>
        <select id="audit-action" name="action" defaultValue={action} className="rounded-md border border-field bg-canvas px-3 py-2">
          <option value="">{t('anyAction')}</option>
          {actions.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md border border-accent bg-accent px-4 py-2 font-medium text-on-accent">
        {t('apply')}
      </button>
    </form>
  );
}
