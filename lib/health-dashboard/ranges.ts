import { z } from 'zod';

export const RANGE_KEYS = ['15m', '1h', '24h', '7d', '30d'] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];
export const DEFAULT_RANGE: RangeKey = '1h';

/** Rollup tables by bucket size; 'raw' is production_metrics itself. */
export type Source = '1d' | '6h' | '1h' | '1m' | 'raw';

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const SIX_HOURS_MS = 6 * HOUR_MS;
export const DAY_MS = 24 * HOUR_MS;
/** Width of one raw (aggregated) production_metrics row. */
export const RAW_BUCKET_MS = 10 * SECOND_MS;

export const GRANULARITY_MS: Record<Source, number> = { '1d': DAY_MS, '6h': SIX_HOURS_MS, '1h': HOUR_MS, '1m': MINUTE_MS, raw: RAW_BUCKET_MS };

interface RangeSpec {
  durationMs: number;
  /** Width of one chart point; a multiple of the coarsest source's bucket. */
  stepMs: number;
  /** The coarsest table that answers the range; finer ones fill its not-yet-rolled tail. */
  coarsest: Exclude<Source, 'raw'>;
}

/**
 * 15 min and 1 h read minute rollups (an hourly bucket would be most of the range); 24 h reads
 * hourly rollups; 7 d reads 6-hour ones (one per step, 28 rows per series); 30 d reads daily
 * ones, 30 rows per series.
 * Steps keep every chart between 15 and 30 points.
 */
export const RANGES: Record<RangeKey, RangeSpec> = {
  '15m': { durationMs: 15 * MINUTE_MS, stepMs: MINUTE_MS, coarsest: '1m' },
  '1h': { durationMs: HOUR_MS, stepMs: 2 * MINUTE_MS, coarsest: '1m' },
  '24h': { durationMs: DAY_MS, stepMs: HOUR_MS, coarsest: '1h' },
  '7d': { durationMs: 7 * DAY_MS, stepMs: SIX_HOURS_MS, coarsest: '6h' },
  '30d': { durationMs: 30 * DAY_MS, stepMs: DAY_MS, coarsest: '1d' },
};

/** The `range` search parameter; anything unknown falls back to the default. */
export const rangeSchema = z.enum(RANGE_KEYS).catch(DEFAULT_RANGE);

export function parseRange(value: unknown): RangeKey {
  return rangeSchema.parse(typeof value === 'string' ? value : undefined);
}

export interface Window {
  /** Inclusive start, aligned to the step. */
  from: Date;
  /** Exclusive end: `now` for the current period. */
  to: Date;
}

export interface WindowPlan {
  range: RangeKey;
  stepMs: number;
  coarsest: Exclude<Source, 'raw'>;
  /** Start of every chart point, oldest first; the last one is still open. */
  steps: number[];
  current: Window;
  /** The same number of whole steps right before the current window. */
  previous: Window;
}

export function floorTo(ms: number, stepMs: number): number {
  return Math.floor(ms / stepMs) * stepMs;
}

/**
 * The window of a range at `now`: the step-aligned buckets ending with the one `now` falls
 * in (so "24 h" is the 24 hourly points ending with the current hour, and every bucket read
 * from a rollup table lies wholly inside it). Steps are aligned to UTC epoch multiples.
 */
export function planWindow(range: RangeKey, now: Date): WindowPlan {
  const { durationMs, stepMs, coarsest } = RANGES[range];
  const count = Math.round(durationMs / stepMs);
  const last = floorTo(now.getTime(), stepMs);
  const from = last - (count - 1) * stepMs;
  const steps = Array.from({ length: count }, (_, index) => from + index * stepMs);
  return {
    range,
    stepMs,
    coarsest,
    steps,
    current: { from: new Date(from), to: now },
    previous: { from: new Date(from - count * stepMs), to: new Date(from) },
  };
}

export function previousSteps(plan: WindowPlan): number[] {
  return plan.steps.map((start) => start - plan.steps.length * plan.stepMs);
}

/** The end of the latest rolled bucket per rollup table (null: nothing rolled yet). */
export type Boundaries = Record<Exclude<Source, 'raw'>, number | null>;

/** Coarsest first: each table fills what the coarser one has not rolled yet. */
export const TIERS: readonly Source[] = ['1d', '6h', '1h', '1m', 'raw'];

export interface TierSpan {
  source: Source;
  from: number;
  to: number;
}

/**
 * Which table answers which part of [from, to): the coarsest table up to its boundary (the end
 * of its latest complete bucket), then each finer one up to its own boundary, then the raw
 * rows. Each instant is read from exactly one table, so nothing is counted twice even though
 * raw rows are kept after they are rolled up. `boundaries` holds the end of the latest rolled
 * bucket per table (null: nothing rolled yet).
 */
export function tierSpans(
  window: { from: number; to: number },
  coarsest: Exclude<Source, 'raw'> | 'raw',
  boundaries: Boundaries,
): TierSpan[] {
  const order = TIERS.slice(TIERS.indexOf(coarsest));
  const spans: TierSpan[] = [];
  let cursor = window.from;
  for (const source of order) {
    const end = source === 'raw' ? window.to : Math.min(window.to, Math.max(cursor, boundaries[source] ?? -Infinity));
    if (end > cursor) spans.push({ source, from: cursor, to: end });
    cursor = Math.max(cursor, end);
  }
  return spans;
}
