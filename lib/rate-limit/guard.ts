import type { RequestMeta } from '../audit/context';
import { recordAudit } from '../audit/record';
import { DenialLimiter } from '../api-keys/denial-audit';
import type { DbOrTx } from '../../db/types';
import { eventCounters, type EventCounters } from '../metrics/counters';
import { chargeQuota } from '../quotas/charge';
import { periodSeconds, secondsLeftInPeriod } from '../quotas/period';
import { rateLimitHeaders, type HeaderPolicy } from './headers';
import type { Identity, RateLimiter } from './limiter';
import { policyForRoute } from './policies';

export type GuardRefusal = 'rate_limited' | 'blocked' | 'quota_exceeded';

export type GuardResult =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; reason: GuardRefusal; retryAfterSeconds: number; headers: Record<string, string> };

export interface GuardInput {
  /** The instrumentRoute name ("POST /api/v1/metrics"): picks the policy, names the metric. */
  routeName: string;
  identity: Identity;
  /** Charge the key's monthly quota (machine clients). */
  quotaKeyId?: string;
  now: Date;
  db: DbOrTx;
  request: RequestMeta;
}

export interface GuardDeps {
  limiter: RateLimiter;
  counters?: EventCounters;
  auditLimiter?: DenialLimiter;
  logger?: Pick<Console, 'error'>;
}

const refusalAuditKey = Symbol.for('smm.rateLimit.refusalAudit');
type GlobalWithAudit = typeof globalThis & { [refusalAuditKey]?: DenialLimiter };
function refusalAuditLimiter(): DenialLimiter {
  const holder = globalThis as GlobalWithAudit;
  holder[refusalAuditKey] ??= new DenialLimiter();
  return holder[refusalAuditKey];
}

/**
 * Rate limit, then quota, for one request. Returns the IETF headers for every response of the
 * route, and on refusal the reason and Retry-After. Refusals are counted as 'rate_limited'
 * metric points per route and audited as 'rate_limit.refused', sampled (one entry per
 * identity and reason per minute, 60 a minute at most, the rest counted in the next entry).
 * Quota failures of the database fail open like the limiter.
 */
export async function guardRequest(input: GuardInput, deps: GuardDeps): Promise<GuardResult> {
  const counters = deps.counters ?? eventCounters();
  const nowMs = input.now.getTime();
  const policy = policyForRoute(input.routeName);
  const outcome = await deps.limiter.check(policy, input.identity, nowMs);
  const policies: HeaderPolicy[] = [{ name: policy.group, quota: outcome.effectiveLimit, windowSeconds: policy.windowSeconds, state: outcome }];
  if (!outcome.allowed) {
    const reason: GuardRefusal = outcome.refusedBy === 'blocked' ? 'blocked' : 'rate_limited';
    await refuse(input, deps, counters, reason, { group: policy.group, limit: outcome.effectiveLimit, throttleFactor: outcome.throttleFactor });
    return { ok: false, reason, retryAfterSeconds: outcome.retryAfterSeconds, headers: rateLimitHeaders(policies, outcome.retryAfterSeconds) };
  }
  if (input.quotaKeyId) {
    try {
      const charge = await chargeQuota(input.db, input.quotaKeyId, 1, input.now);
      const quotaPolicy: HeaderPolicy = { name: 'quota', quota: charge.limit, windowSeconds: periodSeconds(input.now), state: { remaining: Math.max(0, charge.limit - charge.used), resetSeconds: secondsLeftInPeriod(input.now) } };
      policies.push(quotaPolicy);
      if (!charge.allowed) {
        const retry = secondsLeftInPeriod(input.now);
        await refuse(input, deps, counters, 'quota_exceeded', { used: charge.used, limit: charge.limit });
        return { ok: false, reason: 'quota_exceeded', retryAfterSeconds: retry, headers: rateLimitHeaders(policies, retry) };
      }
    } catch (error) {
      counters.add('rate_limit_store_fault', 'quota', 1, { errorClass: error instanceof Error ? error.name : typeof error });
    }
  }
  return { ok: true, headers: rateLimitHeaders(policies) };
}

async function refuse(input: GuardInput, deps: GuardDeps, counters: EventCounters, reason: GuardRefusal, details: Record<string, string | number>): Promise<void> {
  counters.add('rate_limited', input.routeName, 1, { reason });
  const audit = deps.auditLimiter ?? refusalAuditLimiter();
  const decision = audit.take(`${input.identity.type}:${input.identity.id}|${reason}`, input.now.getTime());
  if (!decision.record) return;
  try {
    await recordAudit(
      input.db,
      { actor: input.identity.type === 'api_key' ? { type: 'api_key', id: input.identity.id } : { type: 'anonymous' }, request: input.request },
      {
        action: 'rate_limit.refused',
        outcome: 'denied',
        target: { type: input.identity.type, id: input.identity.id },
        after: { reason, route: input.routeName, ...details, suppressedSinceLast: decision.suppressedSinceLast },
      },
    );
  } catch (error) {
    (deps.logger ?? console).error('[rate-limit] could not audit a refusal', error instanceof Error ? error.stack : error);
  }
}
