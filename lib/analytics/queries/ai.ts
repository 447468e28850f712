import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/rows';
import { modelPrices } from '../../../db/schema';
import type { DbOrTx } from '../../../db/types';
import { rateOn, loadRates } from '../currency';
import type { Day, DayRange } from '../days';

export interface AiDay {
  day: Day;
  model: string;
  requests: number;
  accuracy: number | null;
  rating: number | null;
  latencyP50: number | null;
  latencyP95: number | null;
  /** In the display currency; null without a price for the model or a rate for the day. */
  cost: number | null;
}

export interface AiModelSummary {
  model: string;
  requests: number;
  errors: number;
  cacheHits: number;
  accuracy: number | null;
  rating: number | null;
  meanLatency: number | null;
  cost: number | null;
  costPerRequest: number | null;
  cacheSavings: number | null;
  hasPrice: boolean;
  /** Accuracy change per 30 days (least squares over days with feedback): "is it learning". */
  accuracyTrend: number | null;
}

export interface AiReport {
  currency: string;
  models: AiModelSummary[];
  days: AiDay[];
}

type Row = {
  day_text: string;
  day: string;
  model: string;
  requests: number;
  errors: number;
  cache_hits: number;
  prompt_tokens: number | string;
  completion_tokens: number | string;
  cached_prompt_tokens: number | string;
  cached_completion_tokens: number | string;
  latency_sum_ms: number;
  latency_p50_ms: number | null;
  latency_p95_ms: number | null;
  feedback_count: number;
  correct_count: number;
  rating_sum: number;
  rating_count: number;
};

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Least-squares slope of y over x (days), per 30 days; null with fewer than two points. */
export function slopePer30Days(points: Array<{ x: number; y: number }>): number | null {
  if (points.length < 2) return null;
  const mx = points.reduce((a, p) => a + p.x, 0) / points.length;
  const my = points.reduce((a, p) => a + p.y, 0) / points.length;
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  return (points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0) / sxx) * 30;
}

/**
 * Per model and per day: requests, accuracy (share of feedback marked correct), rating,
 * latency, and cost = tokens / 1000 x the model's USD price, converted at the day's rate.
 * Cache hits cost nothing; their tokens priced the same way are the savings.
 */
export async function loadAiPerformance(db: DbOrTx, range: DayRange, currency: string): Promise<AiReport> {
  const rows = (
    await queryRows<Row>(db, sql`select a.*, a.day::text as day_text from analytics_daily_ai a where a.day between ${range.from}::date and ${range.to}::date order by a.day, a.model`)
  ).map((r) => ({ ...r, day: r.day_text }));
  const prices = new Map((await db.select().from(modelPrices)).map((p) => [p.model, p]));
  const rates = await loadRates(db, range);
  const priced = (model: string, day: Day, prompt: number, completion: number): number | null => {
    const price = prices.get(model);
    const rate = rateOn(rates, day, 'USD', currency);
    if (!price || rate === null) return null;
    return ((prompt / 1000) * Number(price.promptPer1kUsd) + (completion / 1000) * Number(price.completionPer1kUsd)) * rate;
  };
  const days: AiDay[] = rows.map((r) => ({
    day: r.day,
    model: r.model,
    requests: Number(r.requests),
    accuracy: ratio(Number(r.correct_count), Number(r.feedback_count)),
    rating: ratio(Number(r.rating_sum), Number(r.rating_count)),
    latencyP50: r.latency_p50_ms === null ? null : Number(r.latency_p50_ms),
    latencyP95: r.latency_p95_ms === null ? null : Number(r.latency_p95_ms),
    cost: priced(r.model, r.day, Number(r.prompt_tokens), Number(r.completion_tokens)),
  }));
  const models = [...new Set(rows.map((r) => r.model))].sort().map((model): AiModelSummary => {
    const mine = rows.filter((r) => r.model === model);
    const sum = (key: keyof Row) => mine.reduce((a, r) => a + Number(r[key]), 0);
    const costs = mine.map((r) => priced(model, r.day, Number(r.prompt_tokens), Number(r.completion_tokens)));
    const savings = mine.map((r) => priced(model, r.day, Number(r.cached_prompt_tokens), Number(r.cached_completion_tokens)));
    const cost = costs.some((c) => c === null) ? null : costs.reduce<number>((a, c) => a + (c ?? 0), 0);
    const requests = sum('requests');
    const start = Date.parse(`${range.from}T00:00:00Z`);
    return {
      model,
      requests,
      errors: sum('errors'),
      cacheHits: sum('cache_hits'),
      accuracy: ratio(sum('correct_count'), sum('feedback_count')),
      rating: ratio(sum('rating_sum'), sum('rating_count')),
      meanLatency: ratio(sum('latency_sum_ms'), requests),
      cost,
      costPerRequest: cost === null ? null : ratio(cost, requests),
      cacheSavings: savings.some((c) => c === null) ? null : savings.reduce<number>((a, c) => a + (c ?? 0), 0),
      hasPrice: prices.has(model),
      accuracyTrend: slopePer30Days(
        mine.filter((r) => Number(r.feedback_count) > 0).map((r) => ({ x: (Date.parse(`${r.day}T00:00:00Z`) - start) / 86_400_000, y: Number(r.correct_count) / Number(r.feedback_count) })),
      ),
    };
  });
  return { currency, models, days };
}
