import { addDays, dayOf, type DayRange } from './days';

export const ANALYTICS_RANGES = ['7d', '30d', '90d'] as const;
export type AnalyticsRangeKey = (typeof ANALYTICS_RANGES)[number];

export function parseAnalyticsRange(value: unknown): AnalyticsRangeKey {
  return ANALYTICS_RANGES.includes(value as AnalyticsRangeKey) ? (value as AnalyticsRangeKey) : '30d';
}

/** The last N UTC days, today included. */
export function dayRange(key: AnalyticsRangeKey, now: Date): DayRange {
  const to = dayOf(now);
  return { from: addDays(to, -(Number.parseInt(key, 10) - 1)), to };
}
