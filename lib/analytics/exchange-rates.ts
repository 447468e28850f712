import { and, desc, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { exchangeRates } from '../../db/schema';
import type { Db, DbOrTx } from '../../db/types';
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

/** One rate as the add/edit form sends it: the same rules as a CSV line. */
export const exchangeRateSchema = z
  .object({
    day: z.string().trim().refine(isDay, { error: 'dayInvalid' }),
    base: z.string().trim().toUpperCase().refine(isIsoCurrency, { error: 'currencyInvalid' }),
    quote: z.string().trim().toUpperCase().refine(isIsoCurrency, { error: 'currencyInvalid' }),
    rate: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, { error: 'rateInvalid' })
      .transform(Number)
      .refine((rate) => rate > 0 && rate < 1e10, { error: 'rateInvalid' }),
  })
  .refine((r) => r.base !== r.quote, { error: 'currencySame', path: ['quote'] });

/** Adds or replaces one day's rate for a pair; audited with the previous rate in the same transaction. */
export async function setExchangeRate(db: Db, row: RateRow, context: MutationContext, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const where = and(eq(exchangeRates.day, row.day), eq(exchangeRates.base, row.base), eq(exchangeRates.quote, row.quote));
    const [before] = await tx.select({ rate: exchangeRates.rate }).from(exchangeRates).where(where).limit(1);
    await tx
      .insert(exchangeRates)
      .values({ ...row, updatedAt: now })
      .onConflictDoUpdate({ target: [exchangeRates.day, exchangeRates.base, exchangeRates.quote], set: { rate: row.rate, updatedAt: now } });
    await recordAudit(tx, context, {
      action: 'exchange_rate.set',
      target: { type: 'exchange_rate', id: `${row.day}/${row.base}/${row.quote}` },
      before: before ? { rate: Number(before.rate) } : null,
      after: { rate: row.rate },
    });
  });
}

export const RATE_LIST_LIMIT = 200;

/** Rates newest day first, optionally of one day and/or one currency (on either side of the pair); at most `limit`. */
export async function listExchangeRates(db: DbOrTx, filter: { day?: string; currency?: string }, limit = RATE_LIST_LIMIT) {
  const conditions = [
    filter.day ? eq(exchangeRates.day, filter.day) : undefined,
    filter.currency ? or(eq(exchangeRates.base, filter.currency), eq(exchangeRates.quote, filter.currency)) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await db
    .select()
    .from(exchangeRates)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(exchangeRates.day), exchangeRates.base, exchangeRates.quote)
    .limit(limit + 1);
  return { rows: rows.slice(0, limit).map((r) => ({ ...r, rate: Number(r.rate) })), more: rows.length > limit };
}

/** Every currency that appears in a stored rate, for the list's filter. */
export async function rateCurrencies(db: DbOrTx): Promise<string[]> {
  const [bases, quotes] = await Promise.all([db.selectDistinct({ c: exchangeRates.base }).from(exchangeRates), db.selectDistinct({ c: exchangeRates.quote }).from(exchangeRates)]);
  return [...new Set([...bases, ...quotes].map((r) => r.c))].sort();
}
