import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { DataTable } from '@/components/analytics/DataTable';
import { ExchangeRateForm } from '@/components/analytics/ExchangeRateForm';
import { RateImportForm } from '@/components/analytics/RateImportForm';
import { ReferenceNav } from '@/components/analytics/ReferenceNav';
import { PageHeader } from '@/components/shell/PageHeader';
import { dayStart, isDay } from '@/lib/analytics/days';
import { listExchangeRates, RATE_LIST_LIMIT, rateCurrencies } from '@/lib/analytics/exchange-rates';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db/database';
import { importExchangeRatesAction, setExchangeRateAction } from '../actions';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analyticsAdmin.rates'))('title') };
}

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** Exchange rates by day and currency; administrators also add, edit and import them. */
export default async function ExchangeRatesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('analytics.read');
  const manage = can(user.role, 'analytics.manage');
  const t = await getTranslations('analyticsAdmin');
  const format = await getFormatter();
  const params = await searchParams;
  const db = await getDb();
  const currencies = await rateCurrencies(db);
  const day = one(params.day);
  const currency = one(params.currency);
  const filter = { day: day && isDay(day) ? day : undefined, currency: currency && currencies.includes(currency) ? currency : undefined };
  const { rows, more } = await listExchangeRates(db, filter);
  const [editDay = '', editBase = '', editQuote = ''] = (one(params.edit) ?? '').split('/');
  const editing = rows.find((r) => r.day === editDay && r.base === editBase && r.quote === editQuote);
  const showDay = (d: string) => format.dateTime(dayStart(d), { dateStyle: 'medium', timeZone: 'UTC' });
  const columns = [
    { key: 'day', label: t('rates.table.day') },
    { key: 'pair', label: t('rates.table.pair') },
    { key: 'rate', label: t('rates.table.rate'), numeric: true },
    { key: 'updated', label: t('rates.table.updated') },
    ...(manage ? [{ key: 'edit', label: t('rates.table.edit') }] : []),
  ];
  return (
    <>
      <PageHeader title={t('rates.title')} description={t('rates.description')} />
      <ReferenceNav current="rates" />
      {!manage && <p className="mb-6 rounded-md border border-line p-3">{t('readOnly')}</p>}
      {manage && (
        <>
          <ExchangeRateForm
            action={setExchangeRateAction}
            initial={editing ? { day: editing.day, base: editing.base, quote: editing.quote, rate: String(editing.rate) } : { day: '', base: '', quote: '', rate: '' }}
          />
          <RateImportForm action={importExchangeRatesAction} />
        </>
      )}
      <form method="get" role="search" aria-label={t('rates.filter.label')} className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-day" className="font-medium">
            {t('rates.filter.day')}
          </label>
          <input id="filter-day" name="day" type="date" defaultValue={filter.day ?? ''} className="rounded-md border border-field bg-canvas px-3 py-2 text-ink" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-currency" className="font-medium">
            {t('rates.filter.currency')}
          </label>
          <select id="filter-currency" name="currency" defaultValue={filter.currency ?? ''} className="rounded-md border border-field bg-canvas px-3 py-2 text-ink">
            <option value="">{t('rates.filter.any')}</option>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-field bg-canvas px-4 py-2 font-medium text-ink">
          {t('rates.filter.apply')}
        </button>
      </form>
      <DataTable
        id="rates-table"
        title={t('rates.table.title')}
        caption={t('rates.table.caption', { limit: format.number(RATE_LIST_LIMIT) })}
        empty={t('rates.table.empty')}
        columns={columns}
        rows={rows.map((r) => {
          const pair = `${r.base}/${r.quote}`;
          return {
            key: `${r.day}/${pair}`,
            cells: {
              day: showDay(r.day),
              pair,
              rate: format.number(r.rate, { maximumFractionDigits: 10 }),
              updated: format.dateTime(r.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
              edit: (
                <Link href={{ pathname: '/analytics/settings/rates', query: { ...(filter.day ? { day: filter.day } : {}), ...(filter.currency ? { currency: filter.currency } : {}), edit: `${r.day}/${pair}` }, hash: 'rate-form' }} aria-label={t('rates.table.editLabel', { pair, day: showDay(r.day) })} className="text-accent underline">
                  {t('rates.table.edit')}
                </Link>
              ),
            },
          };
        })}
      />
      {more && <p className="text-sm text-muted">{t('rates.table.more')}</p>}
    </>
  );
}
