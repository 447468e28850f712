import 'server-only';
import { getFormatter, getLocale } from 'next-intl/server';
import { requirePermission } from '@/app/_server/session';
import { dayStart, type Day } from '@/lib/analytics/days';
import { dayRange, parseAnalyticsRange } from '@/lib/analytics/range';
import { getDb } from '@/lib/db/database';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** What every analytics view needs: the analyst (403 otherwise), the period and formatters in their locale and currency. */
export async function analyticsView(searchParams: SearchParams) {
  const user = await requirePermission('analytics.read');
  const params = await searchParams;
  const rangeKey = parseAnalyticsRange(params.range);
  const range = dayRange(rangeKey, new Date());
  const format = await getFormatter();
  const currency = user.displayCurrency;
  const locale = await getLocale();
  return {
    user,
    params,
    db: await getDb(),
    rangeKey,
    range,
    currency,
    // Rollup days are UTC days: shown as dates, not shifted into the reader's zone.
    day: (d: Day) => format.dateTime(dayStart(d), { month: 'short', day: 'numeric', timeZone: 'UTC' }),
    money: (value: number | null, missing: string) => (value === null ? missing : format.number(value, { style: 'currency', currency })),
    count: (value: number) => format.number(value),
    percent: (value: number | null) => (value === null ? '—' : format.number(value, { style: 'percent', maximumFractionDigits: 1 })),
    number: (value: number | null, digits = 2) => (value === null ? '—' : format.number(value, { maximumFractionDigits: digits })),
    exportHref: (table: string) => `/${locale}/analytics/export?table=${table}&range=${rangeKey}`,
  };
}
