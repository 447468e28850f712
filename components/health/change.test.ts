import { describe, expect, it } from 'vitest';
import { compare } from './change';

describe('compare', () => {
  it('says a rise in latency is worse and a fall better, with the relative change', () => {
    expect(compare({ current: 112, previous: 100 }, 'lower-is-better')).toEqual({ direction: 'up', amount: 0.12, unit: 'relative', verdict: 'worse' });
    expect(compare({ current: 50, previous: 100 }, 'lower-is-better')).toMatchObject({ direction: 'down', amount: 0.5, verdict: 'better' });
  });

  it('gives percentage points for figures that are percentages, and knows uptime should rise', () => {
    const change = compare({ current: 0.995, previous: 0.999 }, 'higher-is-better', 'points');
    expect(change).toMatchObject({ direction: 'down', unit: 'points', verdict: 'worse' });
    expect(change!.amount).toBeCloseTo(0.4, 10);
    expect(compare({ current: 7.5, previous: 5 }, 'lower-is-better', 'points', 1)).toMatchObject({ direction: 'up', amount: 2.5, verdict: 'worse' });
  });

  it('calls changes under 1 % "the same", throughput neither better nor worse, and needs both figures', () => {
    expect(compare({ current: 100.5, previous: 100 }, 'lower-is-better')).toMatchObject({ direction: 'same', verdict: 'neutral' });
    expect(compare({ current: 20, previous: 10 }, 'neutral')).toMatchObject({ direction: 'up', amount: 1, verdict: 'neutral' });
    expect(compare({ current: 5, previous: 0 }, 'neutral')).toMatchObject({ direction: 'up', amount: Infinity });
    expect(compare({ current: 5, previous: null }, 'neutral')).toBeNull();
    expect(compare({ current: null, previous: 5 }, 'neutral')).toBeNull();
  });
});
