import { sql } from 'drizzle-orm';
import { exchangeRates } from '../../db/schema';
import type { Db } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import { isIsoCurrency } from '../events/schema';
import { isDay } from './days';

export const MAX_RATE_ROWS = 50_000;

export interface RateRow {
  day: string;
  base: string;
  quote: string;
  rate: number;
}

export type RateCsvResult = { ok: true; rows: RateRow[] } | { ok: false; errors: Array<{ line: number; problem: 'header' | 'columns' | 'day' | 'currency' | 'rate' | 'tooMany' }> };

/**
 * Parses "day,base,quote,rate" (header required; 1 base = rate quote). Every bad line is
 * reported with its number; a file with any bad line imports nothing.
 */
export function parseRatesCsv(text: string): RateCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: Array<{ line: number; problem: 'header' | 'columns' | 'day' | 'currency' | 'rate' | 'tooMany' }> = [];
  if ((lines[0] ?? '').trim().toLowerCase().replace(/\s/g, '') !== 'day,base,quote,rate') return { ok: false, errors: [{ line: 1, problem: 'header' }] };
  const rows: RateRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== 4) {
      errors.push({ line: i + 1, problem: 'columns' });
      continue;
    }
    const [day, base, quote, rateText] = cells as [string, string, string, string];
    const rate = Number(rateText);
    if (!isDay(day)) errors.push({ line: i + 1, problem: 'day' });
    else if (!isIsoCurrency(base) || !isIsoCurrency(quote) || base === quote) errors.push({ line: i + 1, problem: 'currency' });
    else if (!/^\d+(\.\d+)?$/.test(rateText) || !(rate > 0)) errors.push({ line: i + 1, problem: 'rate' });
    else rows.push({ day, base, quote, rate });
  }
  if (rows.length > MAX_RATE_ROWS) errors.push({ line: lines.length, problem: 'tooMany' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/** Upserts rates (the latest import wins for a day and pair) and audits the import in the same transaction. */
export async function importExchangeRates(db: Db, rows: RateRow[], context: MutationContext, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insert(exchangeRates)
        .values(rows.slice(i, i + 1000).map((r) => ({ ...r, updatedAt: now })))
        .onConflictDoUpdate({ target: [exchangeRates.day, exchangeRates.base, exchangeRates.quote], set: { rate: sql`excluded.rate`, updatedAt: sql`excluded.updated_at` } });
    }
    const days = rows.map((r) => r.day).sort();
    await recordAudit(tx, context, {
      action: 'exchange_rates.import',
      target: { type: 'exchange_rates' },
      after: { rows: rows.length, firstDay: days[0] ?? null, lastDay: days.at(-1) ?? null, pairs: [...new Set(rows.map((r) => `${r.base}/${r.quote}`))].sort().slice(0, 50) },
    });
    return rows.length;
  });
}
