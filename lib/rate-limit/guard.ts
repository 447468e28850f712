import type { RequestMeta } from '../audit/context';
import { recordAudit } from '../audit/record';
import { DenialLimiter } from '../api-keys/denial-audit';
import type { DbOrTx } from '../../db/types';
import { eventCounters, type EventCounters } from '../metrics/counters';
import { chargeQuota, quotaUsage, refundQuota } from '../quotas/charge';
import { periodSeconds, secondsLeftInPeriod } from '../quotas/period';
import { rateLimitHeaders, type HeaderPolicy } from './headers';
import type { Identity, RateLimiter } from './limiter';
import { policyForRoute } from './policies';

export type GuardRefusal = 'rate_limited' | 'blocked' | 'quota_exceeded';

export type GuardResult =
  | { ok: true; headers: Record<string, string>; policies: HeaderPolicy[] }
  | { ok: false; reason: GuardRefusal; retryAfterSeconds: number; headers: Record<string, string> };

/** A monthly quota decision: the header policy, and when refused the figures for the answer. */
export interface QuotaDecision {
  /** Undefined when the quota store failed (fail open: no quota header). */
  policy?: HeaderPolicy;
  refused?: { retryAfterSeconds: number; used: number; limit: number; requested: number };
}

export interface GuardInput {
  /** The instrumentRoute name ("POST /api/v1/metrics"): picks the policy, names the metric. */
  routeName: string;
  identity: Identity;
  /** Charge the key's monthly quota (machine clients). */
  quotaKeyId?: string;
  /**
   * Units to charge with the rate limit: 1 (default) counts the request. 0 defers the charge
   * to the route, which knows how many items (points, events) the request carries and calls
   * chargeQuotaUnits once it has validated them.
   */
  quotaUnits?: number;
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
  const units = input.quotaUnits ?? 1;
  if (input.quotaKeyId && units > 0) {
    const quota = await chargeQuotaUnits(input, deps, units);
    if (quota.policy) policies.push(quota.policy);
    if (quota.refused) return { ok: false, reason: 'quota_exceeded', retryAfterSeconds: quota.refused.retryAfterSeconds, headers: rateLimitHeaders(policies, quota.refused.retryAfterSeconds) };
  }
  return { ok: true, headers: rateLimitHeaders(policies), policies };
}

/**
 * Charges `units` (requests, points or events) to the key's monthly quota. A charge that would
 * take the key past its quota is refused whole and nothing is added; the refusal is counted and
 * audited like a rate-limit refusal. A failing store lets the request through (fail open).
 */
export async function chargeQuotaUnits(input: GuardInput, deps: GuardDeps, units: number): Promise<QuotaDecision> {
  if (!input.quotaKeyId) return {};
  const counters = deps.counters ?? eventCounters();
  try {
    const charge = await chargeQuota(input.db, input.quotaKeyId, units, input.now);
    const policy: HeaderPolicy = { name: 'quota', quota: charge.limit, windowSeconds: periodSeconds(input.now), state: { remaining: Math.max(0, charge.limit - charge.used), resetSeconds: secondsLeftInPeriod(input.now) } };
    if (charge.allowed) return { policy };
    const retryAfterSeconds = secondsLeftInPeriod(input.now);
    await refuse(input, deps, counters, 'quota_exceeded', { used: charge.used, limit: charge.limit, requested: units });
    return { policy, refused: { retryAfterSeconds, used: charge.used, limit: charge.limit, requested: units } };
  } catch (error) {
    quotaStoreFault(deps, error);
    return {};
  }
}

/**
 * Undoes a charge of chargeQuotaUnits whose items were then not stored (the route failed after
 * charging). Best effort: a refund that fails is counted as a store fault and logged, and the
 * route's own error still answers the request.
 */
export async function refundQuotaUnits(input: GuardInput, deps: GuardDeps, units: number): Promise<void> {
  if (!input.quotaKeyId || units <= 0) return;
  try {
    await refundQuota(input.db, input.quotaKeyId, units, input.now);
  } catch (error) {
    quotaStoreFault(deps, error);
    (deps.logger ?? console).error(`[quota] could not refund ${units} unit(s) to key ${input.quotaKeyId} after a failed request`, error instanceof Error ? error.message : error);
  }
}

/** The key's quota as a header policy without charging (answers that charged nothing). */
export async function peekQuotaPolicy(input: GuardInput, deps: GuardDeps): Promise<HeaderPolicy | undefined> {
  if (!input.quotaKeyId) return undefined;
  try {
    const { used, limit } = await quotaUsage(input.db, input.quotaKeyId, input.now);
    return { name: 'quota', quota: limit, windowSeconds: periodSeconds(input.now), state: { remaining: Math.max(0, limit - used), resetSeconds: secondsLeftInPeriod(input.now) } };
  } catch (error) {
    quotaStoreFault(deps, error);
    return undefined;
  }
}

/** A quota statement failed: counted like the limiter's store faults (the request goes on). */
function quotaStoreFault(deps: GuardDeps, error: unknown): void {
  (deps.counters ?? eventCounters()).add('rate_limit_store_fault', 'quota', 1, { errorClass: error instanceof Error ? error.name : typeof error });
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
