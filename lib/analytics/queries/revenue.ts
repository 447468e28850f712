import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/rows';
import type { DbOrTx } from '../../../db/types';
import { convertMinor, loadRates, toMajor } from '../currency';
import { eachDay, type Day, type DayRange } from '../days';

export interface RevenueDay {
  day: Day;
  /** Converted into the display currency; null when a rate of that day is missing. */
  revenue: number | null;
  mrr: number | null;
  newMrr: number | null;
  expansion: number | null;
  contraction: number | null;
  churned: number | null;
  missingRates: string[];
}

export interface RevenueByCurrency {
  currency: string;
  payments: number;
  failedPayments: number;
  /** In that currency's major units. */
  amount: number;
  /** Converted day by day; null when any day lacks a rate. */
  converted: number | null;
  missingRateDays: number;
}

export interface RevenueReport {
  currency: string;
  days: RevenueDay[];
  byCurrency: RevenueByCurrency[];
  /** MRR at the end of the range and ARR (12 x MRR), converted; null when a rate is missing. */
  mrr: number | null;
  arr: number | null;
  totals: { revenue: number | null; newMrr: number | null; expansion: number | null; contraction: number | null; churned: number | null };
}

type Movement = { day: string; currency: string; new_minor: number | string; expansion_minor: number | string; contraction_minor: number | string; churned_minor: number | string };

const sumOrNull = (values: Array<number | null>) => (values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0));

/** Revenue and MRR of a day range in the display currency, converted at each day's rate. */
export async function loadRevenue(db: DbOrTx, range: DayRange, currency: string): Promise<RevenueReport> {
  const rates = await loadRates(db, range);
  const revenueRows = await queryRows<{ day: string; currency: string; payments: number; amount_minor: number | string; failed_payments: number }>(
    db,
    sql`select day::text as day, currency, payments, amount_minor, failed_payments from analytics_daily_revenue where day between ${range.from}::date and ${range.to}::date`,
  );
  // MRR at the start of the range per currency: every movement before it.
  const opening = await queryRows<{ currency: string; mrr: number | string }>(
    db,
    sql`select currency, sum(new_minor + expansion_minor - contraction_minor - churned_minor) as mrr from analytics_daily_mrr where day < ${range.from}::date group by currency`,
  );
  const movements = await queryRows<Movement>(
    db,
    sql`select day::text as day, currency, new_minor, expansion_minor, contraction_minor, churned_minor from analytics_daily_mrr where day between ${range.from}::date and ${range.to}::date`,
  );
  const mrrByCurrency = new Map<string, number>(opening.map((row) => [row.currency, Number(row.mrr)]));
  const days: RevenueDay[] = [];
  for (const day of eachDay(range.from, range.to)) {
    const missing = new Set<string>();
    const conv = (minor: number, from: string) => {
      const value = convertMinor(rates, day, minor, from, currency);
      if (value === null) missing.add(from);
      return value;
    };
    const revenue = sumOrNull(revenueRows.filter((r) => r.day === day).map((r) => conv(Number(r.amount_minor), r.currency)));
    const moves = movements.filter((m) => m.day === day);
    for (const m of moves) {
      mrrByCurrency.set(m.currency, (mrrByCurrency.get(m.currency) ?? 0) + Number(m.new_minor) + Number(m.expansion_minor) - Number(m.contraction_minor) - Number(m.churned_minor));
    }
    const part = (key: keyof Omit<Movement, 'day' | 'currency'>) => sumOrNull(moves.map((m) => conv(Number(m[key]), m.currency)));
    days.push({
      day,
      revenue,
      newMrr: part('new_minor'),
      expansion: part('expansion_minor'),
      contraction: part('contraction_minor'),
      churned: part('churned_minor'),
      mrr: sumOrNull([...mrrByCurrency].filter(([, minor]) => minor !== 0).map(([from, minor]) => conv(minor, from))),
      missingRates: [...missing].sort(),
    });
  }
  const currencies = [...new Set(revenueRows.map((r) => r.currency))].sort();
  const byCurrency = currencies.map((code) => {
    const rows = revenueRows.filter((r) => r.currency === code);
    const converted = rows.map((r) => convertMinor(rates, r.day, Number(r.amount_minor), code, currency));
    return {
      currency: code,
      payments: rows.reduce((a, r) => a + Number(r.payments), 0),
      failedPayments: rows.reduce((a, r) => a + Number(r.failed_payments), 0),
      amount: toMajor(rows.reduce((a, r) => a + Number(r.amount_minor), 0), code),
      converted: sumOrNull(converted),
      missingRateDays: converted.filter((v) => v === null).length,
    };
  });
  const last = days.at(-1);
  const mrr = last ? last.mrr : null;
  return {
    currency,
    days,
    byCurrency,
    mrr,
    arr: mrr === null ? null : mrr * 12,
    totals: {
      revenue: sumOrNull(days.map((d) => d.revenue)),
      newMrr: sumOrNull(days.map((d) => d.newMrr)),
      expansion: sumOrNull(days.map((d) => d.expansion)),
      contraction: sumOrNull(days.map((d) => d.contraction)),
      churned: sumOrNull(days.map((d) => d.churned)),
    },
  };
}

