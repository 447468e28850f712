// Number formats of the System health page, shared by server and client components and by the
// browser tests (which format the expected figures the same way). `fmt` is next-intl's
// format.number or an Intl.NumberFormat in the same locale.
import type { NumberFormatOptions } from 'next-intl';

export type NumberFormatter = (value: number, options: NumberFormatOptions) => string;

/** Fewer decimals as values grow: 1.25 ms, 38.5 ms, 1,353 ms. */
function digitsFor(value: number): number {
  const size = Math.abs(value);
  return size < 10 ? 2 : size < 100 ? 1 : 0;
}

export function formatMs(fmt: NumberFormatter, ms: number): string {
  return fmt(ms, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: digitsFor(ms) });
}

/** A ratio 0..1 as a percentage: 0.0037 -> 0.37 %. */
export function formatRatio(fmt: NumberFormatter, ratio: number): string {
  return fmt(ratio, { style: 'percent', maximumFractionDigits: 2 });
}

/** A plain figure (requests per second): two significant digits below 1 (0.0025), else as digitsFor. */
export function formatNumber(fmt: NumberFormatter, value: number): string {
  if (value !== 0 && Math.abs(value) < 1) return fmt(value, { maximumSignificantDigits: 2 });
  return fmt(value, { maximumFractionDigits: digitsFor(value) });
}

export function formatCount(fmt: NumberFormatter, value: number): string {
  return fmt(value, { maximumFractionDigits: 0 });
}

const BYTE_UNITS = [
  ['gigabyte', 1e9],
  ['megabyte', 1e6],
  ['kilobyte', 1e3],
] as const;

/** Decimal units (1 MB = 1,000,000 bytes), as Intl names them. */
export function formatBytes(fmt: NumberFormatter, bytes: number): string {
  for (const [unit, size] of BYTE_UNITS) {
    if (Math.abs(bytes) >= size) return fmt(bytes / size, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
  }
  return fmt(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'short', maximumFractionDigits: 0 });
}

/** CPU time in percent of one core. */
export function formatCpu(fmt: NumberFormatter, percent: number): string {
  return fmt(percent / 100, { style: 'percent', maximumFractionDigits: 1 });
}

/** An Intl-backed formatter for a locale (tests, and anywhere next-intl is not at hand). */
export function intlFormatter(locale: string): NumberFormatter {
  return (value, options) => new Intl.NumberFormat(locale, options).format(value);
}
