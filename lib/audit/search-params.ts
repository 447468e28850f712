import { z } from 'zod';
import { AUDIT_OUTCOMES } from '../../db/schema';
import { AUDIT_ACTIONS } from './actions';
import { decodeCursor, encodeCursor, type AuditCursor, type AuditFilter } from './queries';
import { parseLocalInput } from './zoned-time';

const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);
const localTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/)
  .optional()
  .catch(undefined);

/** The audit list's URL: every filter is a GET parameter, so a view can be shared and reloaded. */
export const auditSearchSchema = z.object({
  actor: text(200),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  target: text(200),
  outcome: z.enum(AUDIT_OUTCOMES).optional().catch(undefined),
  from: localTime,
  to: localTime,
  q: text(200),
  before: z.string().max(40).optional().catch(undefined),
});

export type AuditSearchValues = z.infer<typeof auditSearchSchema>;

export interface ParsedAuditSearch {
  /** What the reader typed (empty fields dropped), to fill the form and build links. */
  values: Omit<AuditSearchValues, 'before'>;
  filter: AuditFilter;
  before?: AuditCursor;
}

const MINUTE_MS = 60_000;

/**
 * Reads the filter from search params. Times are wall-clock times in the reader's time zone;
 * "to" includes the minute it names.
 */
export function parseAuditSearch(raw: Record<string, string | string[] | undefined>, timeZone: string): ParsedAuditSearch {
  const first = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, (Array.isArray(value) ? value[0] : value) || undefined]),
  );
  const { before, ...values } = auditSearchSchema.parse(first);
  for (const key of Object.keys(values) as (keyof typeof values)[]) if (!values[key]) delete values[key];
  const from = values.from ? parseLocalInput(values.from, timeZone) : undefined;
  let to = values.to ? parseLocalInput(values.to, timeZone) : undefined;
  if (to && values.to?.includes('T')) to = new Date(to.getTime() + MINUTE_MS);
  else if (to) to = new Date(to.getTime() + 24 * 60 * MINUTE_MS);
  return {
    values,
    filter: { actor: values.actor, action: values.action, target: values.target, outcome: values.outcome, q: values.q, from, to },
    before: decodeCursor(before),
  };
}

/** Query string of a filter (and optional cursor), for links and the export URL. */
export function auditSearchQuery(values: ParsedAuditSearch['values'], before?: AuditCursor): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) query.set(key, value);
  if (before) query.set('before', encodeCursor(before));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The filter as recorded in an 'audit.read' or 'audit.export' entry: typed values and resolved instants. */
export function describeFilter(parsed: ParsedAuditSearch, timeZone: string): Record<string, unknown> {
  return {
    ...parsed.values,
    timeZone,
    fromUtc: parsed.filter.from?.toISOString(),
    toUtc: parsed.filter.to?.toISOString(),
  };
}
