import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AnalyticsChart } from '@/components/analytics/AnalyticsChart';
import { AnalyticsHeader } from '@/components/analytics/AnalyticsHeader';
import { DataTable } from '@/components/analytics/DataTable';
import { loadPlugins } from '@/lib/analytics/queries/plugins';
import { analyticsView, type SearchParams } from '../view-context';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analytics.tabs'))('plugins') };
}

export default async function PluginsPage({ searchParams }: { searchParams: SearchParams }) {
  const v = await analyticsView(searchParams);
  const t = await getTranslations('analytics');
  const plugins = await loadPlugins(v.db, v.range);
  return (
    <>
      <AnalyticsHeader view="plugins" rangeKey={v.rangeKey} range={v.range} currency={v.currency} />
      <div className="mb-8">
        <AnalyticsChart
          type="bar"
          title={t('plugins.chart.title')}
          caption={t('plugins.chart.caption')}
          indexLabel={t('plugins.plugin')}
          format={{ kind: 'count' }}
          series={[
            { key: 'installs', label: t('plugins.installs'), color: 'chart-1' },
            { key: 'active', label: t('plugins.activeInstalls'), color: 'chart-2' },
          ]}
          points={plugins.map((p) => ({ key: p.pluginId, label: p.pluginId, values: { installs: p.installs, active: p.activeInstalls } }))}
        />
      </div>
      <DataTable
        id="plugins-table"
        title={t('plugins.title')}
        caption={t('plugins.caption')}
        empty={t('common.noData')}
        exportHref={v.exportHref('plugins')}
        exportLabel={t('common.exportCsv', { table: t('plugins.title') })}
        columns={[
          { key: 'plugin', label: t('plugins.plugin') },
          { key: 'installs', label: t('plugins.installs'), numeric: true },
          { key: 'uninstalls', label: t('plugins.uninstalls'), numeric: true },
          { key: 'active', label: t('plugins.activeInstalls'), numeric: true },
          { key: 'uses', label: t('plugins.uses'), numeric: true },
          { key: 'userDays', label: t('plugins.userDays'), numeric: true },
          { key: 'retention', label: t('plugins.retention'), numeric: true },
        ]}
        rows={plugins.map((p) => ({
          key: p.pluginId,
          cells: { plugin: p.pluginId, installs: v.count(p.installs), uninstalls: v.count(p.uninstalls), active: v.count(p.activeInstalls), uses: v.count(p.uses), userDays: v.count(p.userDays), retention: v.percent(p.retention) },
        }))}
      />
    </>
  );
}
