import type { Comparison } from '@/lib/health-dashboard/types';

export type Direction = 'up' | 'down' | 'same';
export type Verdict = 'better' | 'worse' | 'neutral';
/** Which way is good: latency, errors, memory and CPU should fall; uptime should rise. */
export type Polarity = 'lower-is-better' | 'higher-is-better' | 'neutral';

export interface Change {
  direction: Direction;
  /** Relative change (0.12 = 12 %) or, for ratios, the difference in percentage points. */
  amount: number;
  /** 'points' for figures that are themselves percentages (error rate, uptime, CPU). */
  unit: 'relative' | 'points';
  verdict: Verdict;
}

// Below these a change is noise: 1 % of the figure, or 0.01 percentage points.
const SAME_RELATIVE = 0.01;
const SAME_POINTS = 0.01;

/**
 * How the current figure compares with the previous period's, or null when either is missing.
 * `points`: both are ratios (0..1) or percentages (0..100, pass scale 1); the change is then the
 * difference in percentage points rather than a relative change of a percentage.
 */
export function compare(value: Comparison, polarity: Polarity, unit: Change['unit'] = 'relative', scale = 100): Change | null {
  const { current, previous } = value;
  if (current === null || previous === null) return null;
  let amount: number;
  if (unit === 'points') amount = Math.abs(current - previous) * scale;
  else if (previous === 0) amount = current === 0 ? 0 : Infinity;
  else amount = Math.abs(current - previous) / Math.abs(previous);
  const same = unit === 'points' ? amount < SAME_POINTS : amount < SAME_RELATIVE;
  const direction: Direction = same ? 'same' : current > previous ? 'up' : 'down';
  let verdict: Verdict = 'neutral';
  if (direction !== 'same' && polarity !== 'neutral') {
    verdict = (direction === 'down') === (polarity === 'lower-is-better') ? 'better' : 'worse';
  }
  return { direction, amount, unit, verdict };
}
