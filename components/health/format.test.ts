import { describe, expect, it } from 'vitest';
import { formatBytes, formatCpu, formatMs, formatNumber, formatRatio, intlFormatter } from './format';

describe('health number formats', () => {
  const en = intlFormatter('en');
  const de = intlFormatter('de');

  it('gives latencies fewer decimals as they grow', () => {
    expect([1.234, 38.46, 1353.2].map((ms) => formatMs(en, ms))).toEqual(['1.23 ms', '38.5 ms', '1,353 ms']);
    expect(formatMs(de, 1353.2)).toBe('1.353 ms');
  });

  it('shows small rates with two significant digits instead of rounding them to 0', () => {
    expect([0.0025, 0.5, 1.777, 0].map((value) => formatNumber(en, value))).toEqual(['0.0025', '0.5', '1.78', '0']);
  });

  it('formats ratios, CPU percent and decimal byte units in the locale', () => {
    expect(formatRatio(en, 0.0037)).toBe('0.37%');
    expect(formatCpu(en, 7.04)).toBe('7%');
    expect(formatBytes(en, 189_900_000)).toBe('189.9 MB');
    expect(formatBytes(de, 5e9)).toBe('5\u00a0GB');
    expect(formatBytes(en, 512)).toBe('512 byte');
  });
});
