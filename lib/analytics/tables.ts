import type { DbOrTx } from '../../db/types';
import type { CsvCell } from './csv';
import type { DayRange } from './days';
import { loadAiPerformance } from './queries/ai';
import { loadChurn } from './queries/churn';
import { loadEngagement } from './queries/engagement';
import { loadPlugins } from './queries/plugins';
import { loadRevenue } from './queries/revenue';

export const EXPORT_TABLES = ['revenue', 'currencies', 'engagement', 'cohorts', 'plugins', 'ai', 'churn'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** Each exportable analytics table as machine-readable columns (amounts in major units of `currency`). */
export async function exportTable(db: DbOrTx, table: ExportTable, range: DayRange, currency: string): Promise<{ header: string[]; rows: CsvCell[][] }> {
  switch (table) {
    case 'revenue': {
      const r = await loadRevenue(db, range, currency);
      return {
        header: ['day', `revenue_${currency}`, `mrr_${currency}`, `new_${currency}`, `expansion_${currency}`, `contraction_${currency}`, `churned_${currency}`, 'missing_rates'],
        rows: r.days.map((d) => [d.day, d.revenue, d.mrr, d.newMrr, d.expansion, d.contraction, d.churned, d.missingRates.join(' ')]),
      };
    }
    case 'currencies': {
      const r = await loadRevenue(db, range, currency);
      return {
        header: ['currency', 'payments', 'failed_payments', 'amount', `converted_${currency}`, 'days_missing_rate'],
        rows: r.byCurrency.map((c) => [c.currency, c.payments, c.failedPayments, c.amount, c.converted, c.missingRateDays]),
      };
    }
    case 'engagement': {
      const e = await loadEngagement(db, range);
      return { header: ['day', 'dau', 'wau', 'mau', 'stickiness'], rows: e.days.map((d) => [d.day, d.dau, d.wau, d.mau, d.stickiness]) };
    }
    case 'cohorts': {
      const e = await loadEngagement(db, range);
      const weeks = Math.max(0, ...e.cohorts.map((c) => c.retained.length));
      return {
        header: ['cohort_week', 'users', ...Array.from({ length: weeks }, (_, k) => `week_${k}`)],
        rows: e.cohorts.map((c) => [c.week, c.size, ...Array.from({ length: weeks }, (_, k) => c.retained[k] ?? null)]),
      };
    }
    case 'plugins': {
      const p = await loadPlugins(db, range);
      return {
        header: ['plugin', 'installs', 'uninstalls', 'active_installs', 'uses', 'user_days', 'retention'],
        rows: p.map((x) => [x.pluginId, x.installs, x.uninstalls, x.activeInstalls, x.uses, x.userDays, x.retention]),
      };
    }
    case 'ai': {
      const a = await loadAiPerformance(db, range, currency);
      return {
        header: ['model', 'requests', 'errors', 'cache_hits', 'accuracy', 'rating', 'mean_latency_ms', `cost_${currency}`, `cost_per_request_${currency}`, `cache_savings_${currency}`, 'accuracy_trend_per_30d'],
        rows: a.models.map((m) => [m.model, m.requests, m.errors, m.cacheHits, m.accuracy, m.rating, m.meanLatency, m.cost, m.costPerRequest, m.cacheSavings, m.accuracyTrend]),
      };
    }
    case 'churn': {
      const c = await loadChurn(db, 1000);
      return {
        header: ['user_id', 'probability', 'top_reasons', 'model_trained_at', 'model_auc'],
        rows: (c?.atRisk ?? []).map((p) => [p.userId, p.probability, p.contributions.slice(0, 3).map((x) => `${x.feature}=${x.value}`).join(' '), c!.model.trainedAt.toISOString(), c!.model.auc]),
      };
    }
  }
}
