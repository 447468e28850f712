import { endOfLocalDay, localDateInput, parseLocalInput } from './zoned-time';
import type { ReportPeriod } from './report';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A report spans at most about 13 months: the retention period and a little more. */
const MAX_DAYS = 400;

export type ParsedPeriod =
  | { status: 'none'; from: string; to: string }
  | { status: 'invalid'; from: string; to: string }
  | { status: 'ok'; from: string; to: string; period: ReportPeriod };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/**
 * The report period from the URL: two local dates in the reader's time zone, both included.
 * Without them the form offers the last 7 days (today and the six before it).
 */
export function parsePeriod(raw: Record<string, string | string[] | undefined>, timeZone: string, now = new Date()): ParsedPeriod {
  const from = first(raw.from).trim();
  const to = first(raw.to).trim();
  if (!from && !to) {
    return { status: 'none', from: localDateInput(new Date(now.getTime() - 6 * DAY_MS), timeZone), to: localDateInput(now, timeZone) };
  }
  const start = DATE.test(from) ? parseLocalInput(from, timeZone) : undefined;
  const end = DATE.test(to) ? endOfLocalDay(to, timeZone) : undefined;
  if (!start || !end || end <= start || end.getTime() - start.getTime() > (MAX_DAYS + 1) * DAY_MS) {
    return { status: 'invalid', from, to };
  }
  return { status: 'ok', from, to, period: { from: start, to: end } };
}
