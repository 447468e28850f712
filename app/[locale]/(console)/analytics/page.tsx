import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AnalyticsChart } from '@/components/analytics/AnalyticsChart';
import { AnalyticsHeader } from '@/components/analytics/AnalyticsHeader';
import { DataTable } from '@/components/analytics/DataTable';
import { loadRevenue } from '@/lib/analytics/queries/revenue';
import { analyticsView, type SearchParams } from './view-context';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analytics.tabs'))('revenue') };
}

export default async function RevenuePage({ searchParams }: { searchParams: SearchParams }) {
  const v = await analyticsView(searchParams);
  const t = await getTranslations('analytics');
  const report = await loadRevenue(v.db, v.range, v.currency);
  const missing = t('common.missingRate');
  const missingCurrencies = [...new Set(report.days.flatMap((d) => d.missingRates))].sort();
  const money = { kind: 'money' as const, currency: v.currency };
  return (
    <>
      <AnalyticsHeader view="revenue" rangeKey={v.rangeKey} range={v.range} currency={v.currency} />
      {missingCurrencies.length > 0 && (
        <p role="note" className="mb-4 rounded-md border-2 border-field p-3 text-sm">
          {t('common.missingRatesNote', { currency: v.currency, currencies: missingCurrencies.join(', ') })}
        </p>
      )}
      <section aria-labelledby="revenue-tiles" className="mb-6">
        <h2 id="revenue-tiles" className="sr-only">
          {t('revenue.tiles')}
        </h2>
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          {[
            ['mrr', report.mrr],
            ['arr', report.arr],
            ['revenue', report.totals.revenue],
          ].map(([key, value]) => (
            <div key={key} className="rounded-lg border border-line bg-canvas p-4">
              <dt className="text-sm text-muted">{t(`revenue.${key as 'mrr' | 'arr' | 'revenue'}`)}</dt>
              <dd className="text-2xl font-bold tabular-nums">{v.money(value as number | null, missing)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="mb-8 grid grid-cols-1 gap-4 xl:grid-cols-2">
        <AnalyticsChart
          type="line"
          title={t('revenue.mrrChart.title')}
          caption={t('revenue.mrrChart.caption', { currency: v.currency })}
          indexLabel={t('common.day')}
          format={money}
          series={[{ key: 'mrr', label: t('revenue.mrr'), color: 'chart-1' }]}
          points={report.days.map((d) => ({ key: d.day, label: v.day(d.day), values: { mrr: d.mrr } }))}
        />
        <AnalyticsChart
          type="bar"
          title={t('revenue.movements.title')}
          caption={t('revenue.movements.caption', { currency: v.currency })}
          indexLabel={t('common.day')}
          format={money}
          series={[
            { key: 'new', label: t('revenue.movements.new'), color: 'chart-1' },
            { key: 'expansion', label: t('revenue.movements.expansion'), color: 'chart-2' },
            { key: 'contraction', label: t('revenue.movements.contraction'), color: 'chart-3' },
            { key: 'churned', label: t('revenue.movements.churned'), color: 'chart-4' },
          ]}
          points={report.days.map((d) => ({ key: d.day, label: v.day(d.day), values: { new: d.newMrr, expansion: d.expansion, contraction: d.contraction, churned: d.churned } }))}
        />
      </div>
      <DataTable
        id="revenue-by-currency"
        title={t('revenue.byCurrency.title')}
        caption={t('revenue.byCurrency.caption', { currency: v.currency })}
        empty={t('common.noData')}
        exportHref={v.exportHref('currencies')}
        exportLabel={t('common.exportCsv', { table: t('revenue.byCurrency.title') })}
        columns={[
          { key: 'currency', label: t('revenue.byCurrency.currency') },
          { key: 'payments', label: t('revenue.byCurrency.payments'), numeric: true },
          { key: 'failed', label: t('revenue.byCurrency.failedPayments'), numeric: true },
          { key: 'amount', label: t('revenue.byCurrency.amount'), numeric: true },
          { key: 'converted', label: t('revenue.byCurrency.converted', { currency: v.currency }), numeric: true },
        ]}
        rows={report.byCurrency.map((c) => ({
          key: c.currency,
          cells: {
            currency: c.currency,
            payments: v.count(c.payments),
            failed: v.count(c.failedPayments),
            amount: new Intl.NumberFormat(v.user.locale, { style: 'currency', currency: c.currency }).format(c.amount),
            converted: v.money(c.converted, missing),
          },
        }))}
      />
    </>
  );
}
