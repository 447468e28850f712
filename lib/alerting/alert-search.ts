import { SEVERITIES } from '../../db/schema';
import { parseLocalInput, wallTimeAt } from '../audit/zoned-time';
import type { AlertFilters } from './queries';

/** Periods offered in the AlertCenter's time filter ("all": no lower bound). */
export const ALERT_PERIODS = ['24h', '7d', '30d', 'all'] as const;
export type AlertPeriod = (typeof ALERT_PERIODS)[number];
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;

const PERIOD_MS: Record<Exclude<AlertPeriod, 'all'>, number> = { '24h': 24 * 3_600_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The AlertCenter's filters as typed (what the form shows back). */
export interface AlertSearchValues {
  severity: string;
  status: string;
  rule: string;
  period: AlertPeriod;
  from: string;
  to: string;
}

/** Message keys under "alertFilters" for a time the reader typed that was not used. */
export type AlertSearchProblem = 'fromInvalid' | 'toInvalid' | 'fromAfterTo';

type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? '') : '');
const pick = <T extends string>(list: readonly T[], value: string): T | undefined => ((list as readonly string[]).includes(value) ? (value as T) : undefined);

/**
 * The AlertCenter's URL search params -> query filters. The time filter is a period
 * (last 24 h / 7 d / 30 d / all) or a from-to range typed as wall-clock times in the
 * reader's time zone (datetime-local inputs); a from or to, when given, replaces the period.
 * Unknown values are dropped, never guessed; bad times are reported, not applied.
 */
export function parseAlertSearch(params: Params, timeZone: string, now: Date): { filters: AlertFilters; values: AlertSearchValues; problems: AlertSearchProblem[] } {
  const values: AlertSearchValues = {
    severity: one(params.severity),
    status: one(params.status),
    rule: one(params.rule),
    period: pick(ALERT_PERIODS, one(params.period)) ?? 'all',
    from: one(params.from).trim(),
    to: one(params.to).trim(),
  };
  const filters: AlertFilters = {
    severity: pick(SEVERITIES, values.severity),
    status: pick(ALERT_STATUSES, values.status),
    ruleId: UUID.test(values.rule) ? values.rule : undefined,
  };
  const problems: AlertSearchProblem[] = [];
  const from = values.from ? parseLocalInput(values.from, timeZone) : undefined;
  const to = values.to ? parseLocalInput(values.to, timeZone) : undefined;
  if (values.from && !from) problems.push('fromInvalid');
  if (values.to && !to) problems.push('toInvalid');
  if (from && to && from.getTime() >= to.getTime()) problems.push('fromAfterTo');
  else if (from || to) {
    filters.from = from;
    filters.to = to;
  }
  if (!filters.from && !filters.to && values.period !== 'all') filters.from = new Date(now.getTime() - PERIOD_MS[values.period]);
  return { filters, values, problems };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2030-01-31T13:45" in `timeZone`: the value for an <input type="datetime-local">. */
export function localDateTimeInput(instant: Date, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}
