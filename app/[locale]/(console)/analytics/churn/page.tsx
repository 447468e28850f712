import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AnalyticsHeader } from '@/components/analytics/AnalyticsHeader';
import { DataTable } from '@/components/analytics/DataTable';
import type { ChurnFeature } from '@/lib/analytics/churn/features';
import { loadChurn } from '@/lib/analytics/queries/churn';
import { analyticsView, type SearchParams } from '../view-context';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analytics.tabs'))('churn') };
}

export default async function ChurnPage({ searchParams }: { searchParams: SearchParams }) {
  const v = await analyticsView(searchParams);
  const t = await getTranslations('analytics');
  const format = await getFormatter();
  const churn = await loadChurn(v.db);
  return (
    <>
      <AnalyticsHeader view="churn" rangeKey={v.rangeKey} range={v.range} currency={v.currency} />
      {!churn ? (
        <p className="mb-6 rounded-md border border-line p-4">{t('churn.none')}</p>
      ) : (
        <>
          <p className="mb-6 rounded-md border border-line bg-canvas p-4">
            {t('churn.quality', {
              date: format.dateTime(churn.model.trainedAt, { dateStyle: 'medium', timeStyle: 'short' }),
              train: v.count(churn.model.trainSize),
              test: v.count(churn.model.testSize),
              auc: v.number(churn.model.auc, 3),
              baseline: v.number(churn.model.baselineAuc, 3),
            })}
          </p>
          <DataTable
            id="churn-at-risk"
            title={t('churn.atRisk.title')}
            caption={t('churn.atRisk.caption')}
            empty={t('common.noData')}
            exportHref={v.exportHref('churn')}
            exportLabel={t('common.exportCsv', { table: t('churn.atRisk.title') })}
            columns={[
              { key: 'user', label: t('churn.atRisk.user') },
              { key: 'probability', label: t('churn.atRisk.probability'), numeric: true },
              { key: 'reasons', label: t('churn.atRisk.reasons') },
            ]}
            rows={churn.atRisk.map((p) => ({
              key: p.userId,
              cells: {
                user: p.userId,
                probability: v.percent(p.probability),
                reasons: format.list(
                  p.contributions
                    .filter((c) => c.contribution > 0)
                    .slice(0, 3)
                    .map((c) => t('churn.reason', { feature: t(`churn.features.${c.feature as ChurnFeature}`), value: v.number(c.value, 1) })),
                  { type: 'unit' },
                ),
              },
            }))}
          />
        </>
      )}
    </>
  );
}
