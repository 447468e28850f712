import { describe, expect, it } from 'vitest';
import { parseRange, planWindow, previousSteps, tierSpans } from './ranges';

const t = (iso: string) => new Date(`2026-03-01T${iso}Z`).getTime();

describe('planWindow', () => {
  it('ends with the step "now" falls in and keeps the previous period the same number of steps', () => {
    const plan = planWindow('24h', new Date('2026-03-01T12:34:25Z'));
    expect(plan.steps).toHaveLength(24);
    expect(plan.steps.at(-1)).toBe(t('12:00:00'));
    expect(plan.current.from.toISOString()).toBe('2026-02-28T13:00:00.000Z');
    expect(plan.previous.from.toISOString()).toBe('2026-02-27T13:00:00.000Z');
    expect(plan.previous.to).toEqual(plan.current.from);
    expect(previousSteps(plan)[0]).toBe(plan.previous.from.getTime());
  });

  it('has 15 to 30 points for every range', () => {
    const now = new Date('2026-03-01T12:34:25Z');
    expect(['15m', '1h', '24h', '7d', '30d'].map((range) => planWindow(parseRange(range), now).steps.length)).toEqual([15, 30, 24, 28, 30]);
  });

  it('falls back to the default range for anything unknown', () => {
    expect(parseRange('7d')).toBe('7d');
    expect(parseRange('1y')).toBe('1h');
    expect(parseRange(['7d'])).toBe('1h');
    expect(parseRange(undefined)).toBe('1h');
  });
});

describe('tierSpans', () => {
  const window = { from: t('00:00:00'), to: t('12:34:25') };

  it('reads each instant from one table: hourly up to its boundary, then minutes, then raw', () => {
    expect(tierSpans(window, '1h', { '1d': null, '6h': null, '1h': t('12:00:00'), '1m': t('12:33:00') })).toEqual([
      { source: '1h', from: t('00:00:00'), to: t('12:00:00') },
      { source: '1m', from: t('12:00:00'), to: t('12:33:00') },
      { source: 'raw', from: t('12:33:00'), to: t('12:34:25') },
    ]);
  });

  it('reads raw from where the minute rollups stop, even when the hourly ones are ahead of them', () => {
    expect(tierSpans(window, '1h', { '1d': null, '6h': null, '1h': t('12:00:00'), '1m': t('11:10:00') })).toEqual([
      { source: '1h', from: t('00:00:00'), to: t('12:00:00') },
      { source: 'raw', from: t('12:00:00'), to: t('12:34:25') },
    ]);
  });

  it('falls back to finer tables while a rollup table is empty, and to raw when nothing is rolled', () => {
    expect(tierSpans(window, '1h', { '1d': null, '6h': null, '1h': null, '1m': t('12:33:00') })).toEqual([
      { source: '1m', from: t('00:00:00'), to: t('12:33:00') },
      { source: 'raw', from: t('12:33:00'), to: t('12:34:25') },
    ]);
    expect(tierSpans(window, '1m', { '1d': null, '6h': null, '1h': null, '1m': null })).toEqual([{ source: 'raw', from: t('00:00:00'), to: t('12:34:25') }]);
  });

  it('does not read the hourly table for minute ranges, nor anything past the window', () => {
    expect(tierSpans({ from: t('12:20:00'), to: t('12:34:25') }, '1m', { '1d': null, '6h': null, '1h': t('12:00:00'), '1m': t('12:33:00') })).toEqual([
      { source: '1m', from: t('12:20:00'), to: t('12:33:00') },
      { source: 'raw', from: t('12:33:00'), to: t('12:34:25') },
    ]);
    // A window wholly before the boundaries is one span.
    expect(tierSpans({ from: t('01:00:00'), to: t('02:00:00') }, '1h', { '1d': null, '6h': null, '1h': t('12:00:00'), '1m': t('12:33:00') })).toEqual([
      { source: '1h', from: t('01:00:00'), to: t('02:00:00') },
    ]);
  });

  it('reads a month from the daily table, then the hours and minutes of the day in progress, then raw', () => {
    const month = { from: new Date('2026-02-01T00:00:00Z').getTime(), to: t('12:34:25') };
    expect(tierSpans(month, '1d', { '1d': t('00:00:00'), '6h': null, '1h': t('12:00:00'), '1m': t('12:33:00') })).toEqual([
      { source: '1d', from: month.from, to: t('00:00:00') },
      { source: '1h', from: t('00:00:00'), to: t('12:00:00') },
      { source: '1m', from: t('12:00:00'), to: t('12:33:00') },
      { source: 'raw', from: t('12:33:00'), to: t('12:34:25') },
    ]);
    // Before the first daily rollup the hourly table answers the whole month, as it did before days existed.
    expect(tierSpans(month, '1d', { '1d': null, '6h': null, '1h': t('12:00:00'), '1m': t('12:33:00') })[0]).toEqual({ source: '1h', from: month.from, to: t('12:00:00') });
  });

  it('reads a week from the 6-hour table, then the hours of the 6 hours in progress; a month takes today\'s 6-hour buckets after its days', () => {
    const week = { from: new Date('2026-02-22T18:00:00Z').getTime(), to: t('12:34:25') };
    const boundaries = { '1d': t('00:00:00'), '6h': t('12:00:00'), '1h': t('12:00:00'), '1m': t('12:33:00') };
    expect(tierSpans(week, '6h', boundaries)).toEqual([
      { source: '6h', from: week.from, to: t('12:00:00') },
      { source: '1m', from: t('12:00:00'), to: t('12:33:00') },
      { source: 'raw', from: t('12:33:00'), to: t('12:34:25') },
    ]);
    // Later in the 6 hours, the hours rolled since the last 6-hour bucket come from the hourly table.
    expect(tierSpans({ ...week, to: t('15:34:25') }, '6h', { ...boundaries, '1h': t('15:00:00'), '1m': t('15:33:00') })).toEqual([
      { source: '6h', from: week.from, to: t('12:00:00') },
      { source: '1h', from: t('12:00:00'), to: t('15:00:00') },
      { source: '1m', from: t('15:00:00'), to: t('15:33:00') },
      { source: 'raw', from: t('15:33:00'), to: t('15:34:25') },
    ]);
    // A week never reads the daily table (days do not divide its 6-hour steps).
    expect(tierSpans(week, '6h', boundaries).some((span) => span.source === '1d')).toBe(false);
    // Before the first 6-hour rollup the hourly table answers the whole week, as it did before.
    expect(tierSpans(week, '6h', { ...boundaries, '6h': null })[0]).toEqual({ source: '1h', from: week.from, to: t('12:00:00') });
    const month = { from: new Date('2026-02-01T00:00:00Z').getTime(), to: t('12:34:25') };
    expect(tierSpans(month, '1d', boundaries).map((span) => [span.source, span.from, span.to])).toEqual([
      ['1d', month.from, t('00:00:00')],
      ['6h', t('00:00:00'), t('12:00:00')],
      ['1m', t('12:00:00'), t('12:33:00')],
      ['raw', t('12:33:00'), t('12:34:25')],
    ]);
  });

  it('the 7-day range steps are the 6-hour buckets, so every one read lies wholly inside one step', () => {
    const plan = planWindow('7d', new Date('2026-03-01T12:34:25Z'));
    expect(plan.coarsest).toBe('6h');
    expect(plan.steps.every((start) => start % (6 * 3_600_000) === 0)).toBe(true);
  });
});
