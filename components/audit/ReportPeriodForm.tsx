import { getTranslations } from 'next-intl/server';

const field = 'rounded-md border border-field bg-canvas px-3 py-2 text-ink';

/** The report period as two local dates (inclusive); a GET form, so a report has a URL. */
export async function ReportPeriodForm({ from, to, timeZone, error }: { from: string; to: string; timeZone: string; error?: string }) {
  const t = await getTranslations('compliance');
  return (
    <form method="get" className="mb-8 flex flex-wrap items-end gap-4 print:hidden" aria-label={t('periodForm')} aria-describedby="report-period-hint">
      <div className="flex flex-col gap-1">
        <label htmlFor="report-from" className="font-medium">{t('from')}</label>
        <input
          id="report-from"
          name="from"
          type="date"
          required
          defaultValue={from}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'report-period-error' : undefined}
          className={field}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="report-to" className="font-medium">{t('to')}</label>
        <input id="report-to" name="to" type="date" required defaultValue={to} className={field} />
      </div>
      <button type="submit" className="rounded-md border border-accent bg-accent px-4 py-2 font-medium text-on-accent">
        {t('generate')}
      </button>
      <p id="report-period-hint" className="w-full text-sm text-muted">{t('periodHint', { timeZone })}</p>
      {error && (
        <p id="report-period-error" role="alert" className="w-full font-medium text-danger">
          {error}
        </p>
      )}
    </form>
  );
}
