import type { ValidationIssue } from '../ingest/schema';
import { formatIssuePath, toValidationIssues } from '../ingest/validate';
import { isKnownEventName, parseEventBatch, KNOWN_EVENT_PROPERTIES, type EventBatch, type OccurredAtBounds } from './schema';

export type EventValidation = { ok: true; batch: EventBatch } | { ok: false; issues: ValidationIssue[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a parsed body: the batch shape, then each known event's properties. Both passes
 * run on every event, so the answer names every bad field, not the first per event.
 */
export function validateEventBatch(body: unknown, bounds: OccurredAtBounds): EventValidation {
  const parsed = parseEventBatch(body, bounds);
  const issues = parsed.success ? [] : toValidationIssues(parsed.error);
  const events = isObject(body) && Array.isArray(body.events) ? body.events : [];
  events.forEach((event: unknown, index) => {
    if (!isObject(event) || typeof event.name !== 'string' || !isKnownEventName(event.name)) return;
    const properties = event.properties === undefined ? {} : event.properties;
    if (!isObject(properties)) return; // already named by the first pass
    const result = KNOWN_EVENT_PROPERTIES[event.name].safeParse(properties);
    if (!result.success) {
      for (const issue of toValidationIssues(result.error)) {
        issues.push({ path: formatIssuePath(['events', index, 'properties']) + `.${issue.path}`, message: issue.message });
      }
    }
  });
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, batch: parsed.data };
}
