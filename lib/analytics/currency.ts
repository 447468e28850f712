import { and, between } from 'drizzle-orm';
import { exchangeRates } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import type { Day, DayRange } from './days';

/** Digits after the decimal point of a currency's minor unit (JPY 0, EUR 2, KWD 3). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export const toMajor = (amountMinor: number, currency: string) => amountMinor / 10 ** minorDigits(currency);

/** Rates by day, then "BASE>QUOTE": 1 BASE = rate QUOTE. */
export type RateTable = Map<Day, Map<string, number>>;

export async function loadRates(db: DbOrTx, range: DayRange): Promise<RateTable> {
  const rows = await db.select().from(exchangeRates).where(and(between(exchangeRates.day, range.from, range.to)));
  const table: RateTable = new Map();
  for (const row of rows) {
    let day = table.get(row.day);
    if (!day) table.set(row.day, (day = new Map()));
    day.set(`${row.base}>${row.quote}`, Number(row.rate));
  }
  return table;
}

/** How many `to` one `from` is worth on `day`: direct, inverse, or across a common base; null when unknown. */
export function rateOn(rates: RateTable, day: Day, from: string, to: string): number | null {
  if (from === to) return 1;
  const dayRates = rates.get(day);
  if (!dayRates) return null;
  const direct = dayRates.get(`${from}>${to}`);
  if (direct) return direct;
  const inverse = dayRates.get(`${to}>${from}`);
  if (inverse) return 1 / inverse;
  for (const [pair, baseToFrom] of dayRates) {
    const [base, quote] = pair.split('>');
    if (quote !== from) continue;
    const baseToTo = dayRates.get(`${base}>${to}`);
    if (baseToTo) return baseToTo / baseToFrom;
  }
  return null;
}

/**
 * An amount in minor units of `currency` on `day`, in major units of `target`. A missing
 * rate gives null, which the dashboards show as "rate missing": never a silent 1.
 */
export function convertMinor(rates: RateTable, day: Day, amountMinor: number, currency: string, target: string): number | null {
  const rate = rateOn(rates, day, currency, target);
  return rate === null ? null : toMajor(amountMinor, currency) * rate;
}
