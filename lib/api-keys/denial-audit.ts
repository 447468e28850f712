import type { DbOrTx } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import type { ApiKeyDenialReason } from './verify';

/**
 * Refused API requests are security events, but a client hammering with a bad key must not
 * flood the audit log (or turn each refused request into a database write). Per process:
 * - at most one entry per key prefix + reason per minute, and
 * - at most MAX_ENTRIES_PER_WINDOW entries per minute in all, so random prefixes cannot
 *   get around the first rule.
 * Refusals left out are counted and reported in the next entry that is written
 * (`suppressedSinceLast`). With N app instances the ceiling is N times these figures.
 */
export const DENIAL_WINDOW_MS = 60_000;
export const MAX_ENTRIES_PER_WINDOW = 60;
const MAX_TRACKED = 10_000;

export class DenialLimiter {
  private lastBySubject = new Map<string, number>();
  private windowStart = 0;
  private entriesInWindow = 0;
  private suppressed = 0;

  constructor(
    private readonly windowMs = DENIAL_WINDOW_MS,
    private readonly maxPerWindow = MAX_ENTRIES_PER_WINDOW,
  ) {}

  /** Whether to write an entry for this subject now; if so, how many were left out before it. */
  take(subject: string, nowMs: number): { record: false } | { record: true; suppressedSinceLast: number } {
    if (nowMs - this.windowStart >= this.windowMs) {
      this.windowStart = nowMs;
      this.entriesInWindow = 0;
    }
    const last = this.lastBySubject.get(subject);
    if ((last !== undefined && nowMs - last < this.windowMs) || this.entriesInWindow >= this.maxPerWindow) {
      this.suppressed++;
      return { record: false };
    }
    if (this.lastBySubject.size >= MAX_TRACKED) this.prune(nowMs);
    this.lastBySubject.set(subject, nowMs);
    this.entriesInWindow++;
    const suppressedSinceLast = this.suppressed;
    this.suppressed = 0;
    return { record: true, suppressedSinceLast };
  }

  private prune(nowMs: number): void {
    for (const [subject, at] of this.lastBySubject) if (nowMs - at >= this.windowMs) this.lastBySubject.delete(subject);
    // Still full: every tracked subject is recent, and the per-window cap already holds.
    if (this.lastBySubject.size >= MAX_TRACKED) this.lastBySubject.clear();
  }
}

const limiterKey = Symbol.for('smm.apiKeys.denialLimiter');
type GlobalWithLimiter = typeof globalThis & { [limiterKey]?: DenialLimiter };

/** The process-wide limiter (on globalThis: Next bundles each route separately). */
export function denialLimiter(): DenialLimiter {
  const holder = globalThis as GlobalWithLimiter;
  holder[limiterKey] ??= new DenialLimiter();
  return holder[limiterKey];
}

export interface Denial {
  reason: ApiKeyDenialReason;
  prefix?: string;
  keyId?: string;
  /** The route that refused ("POST /api/v1/metrics") and the scope it asked for. */
  route: string;
  scope: string;
}

/** Audits a refused API request as 'api_key.denied' unless the limiter says it was just recorded. */
export async function auditApiKeyDenial(
  db: DbOrTx,
  request: MutationContext['request'],
  denial: Denial,
  { now = new Date(), limiter = denialLimiter() }: { now?: Date; limiter?: DenialLimiter } = {},
): Promise<boolean> {
  const decision = limiter.take(`${denial.prefix ?? '-'}|${denial.reason}`, now.getTime());
  if (!decision.record) return false;
  await recordAudit(
    db,
    { actor: denial.keyId ? { type: 'api_key', id: denial.keyId } : { type: 'anonymous' }, request },
    {
      action: 'api_key.denied',
      outcome: 'denied',
      target: { type: 'api_key', id: denial.keyId ?? null },
      after: {
        reason: denial.reason,
        prefix: denial.prefix ?? null,
        route: denial.route,
        scope: denial.scope,
        suppressedSinceLast: decision.suppressedSinceLast,
      },
    },
  );
  return true;
}
