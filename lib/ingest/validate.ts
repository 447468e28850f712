import type { z } from 'zod';
import type { DbOrTx } from '../../db/types';
import { getSetting } from '../settings/settings';
import { parseIngestRequest, type IngestRequest, type RecordedAtBounds, type ValidationIssue } from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The retention setting is read at most every RETENTION_CACHE_MS per database handle: it
 * changes rarely, and a change reaching ingest a few seconds late only moves the oldest
 * accepted recorded_at. It saves a query on every batch.
 */
export const RETENTION_CACHE_MS = 10_000;
const retentionCache = new WeakMap<object, { days: number; readAt: number }>();

/** The recorded_at bounds right now: the clock, and the raw retention window of the settings. */
export async function recordedAtBounds(db: DbOrTx, now: Date): Promise<RecordedAtBounds> {
  const cached = retentionCache.get(db);
  const fresh = cached && Math.abs(now.getTime() - cached.readAt) < RETENTION_CACHE_MS;
  const retentionDays = fresh ? cached.days : await getSetting(db, 'metrics.retention_raw_days');
  if (!fresh) retentionCache.set(db, { days: retentionDays, readAt: now.getTime() });
  return { now, oldest: new Date(now.getTime() - retentionDays * DAY_MS), retentionDays };
}

/** `['points', 3, 'value']` -> `points[3].value`; the body itself is `body`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || 'body';
}

/** Every zod issue as { path, message }; an unknown key becomes one issue naming that key. */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push({ path: formatIssuePath([...issue.path, key]), message: 'is not a known field' });
    } else {
      issues.push({ path: formatIssuePath(issue.path), message: issue.message });
    }
  }
  return issues;
}

export type IngestValidation = { ok: true; request: IngestRequest } | { ok: false; issues: ValidationIssue[] };

/** Checks a parsed JSON body against the ingest contract; lists every bad field, not just the first. */
export function validateIngestBody(body: unknown, bounds: RecordedAtBounds): IngestValidation {
  const parsed = parseIngestRequest(body, bounds);
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, issues: toValidationIssues(parsed.error) };
}
