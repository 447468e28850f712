import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/types';
import type { MutationContext } from '@/lib/audit/context';
import { auditApiKeyDenial } from '@/lib/api-keys/denial-audit';
import type { ApiKeyScope } from '@/lib/api-keys/scopes';
import { verifyApiKey, type ApiKeyDenialReason, type VerifiedApiKey } from '@/lib/api-keys/verify';
import { env } from '@/lib/config/env';
import { OVERLOADED_MESSAGE, routeAdmission, withinAdmission } from './admission';
import { getDb } from '@/lib/db/database';
import { HTTP_STATUS, ServiceError } from '@/lib/errors/service-error';
import type { Admission } from '@/lib/http/admission';
import { clientIp } from '@/lib/http/client-ip';
import type { ApiErrorBody, ValidationIssue } from '@/lib/ingest/schema';
import { instrumentRoute } from '@/lib/metrics/route';
import { DbAdjustments } from '@/lib/rate-limit/adjustments';
import { chargeQuotaUnits, guardRequest, peekQuotaPolicy, refundQuotaUnits, type GuardInput, type GuardRefusal, type QuotaDecision } from '@/lib/rate-limit/guard';
import { rateLimitHeaders, withHeaders } from '@/lib/rate-limit/headers';
import { RateLimiter } from '@/lib/rate-limit/limiter';
import { MemoryStore } from '@/lib/rate-limit/memory-store';
import { getRateLimiter } from '@/lib/rate-limit/runtime';
import en from '@/messages/en.json';

/** What a machine-client handler gets once its API key has been checked. */
export interface ApiScope {
  db: Db;
  key: VerifiedApiKey;
  /** Audit context: the API key is the actor. */
  context: MutationContext;
  requestId: string;
  /** The request's clock reading; handlers use it instead of reading the clock again. */
  now: Date;
  /**
   * Routes with `quotaUnit`: charges `units` items to the key's monthly quota once the batch is
   * validated. Returns the 429 answer (naming the quota) when the batch would exceed it, else
   * undefined. Call it at most once; an answer that charged nothing still carries the quota headers.
   */
  chargeQuota: (units: number) => Promise<Response | undefined>;
}

/** Injectable for tests (a test database, a fake clock); the app uses the defaults. */
export interface ApiDeps {
  getDb?: () => Promise<Db>;
  now?: () => Date;
  trustProxyHops?: number;
  /** The limiter (default: the process's, lib/rate-limit/runtime; with an injected getDb, a memory one). */
  rateLimiter?: RateLimiter;
  /** The bound on requests in flight (default: the process's, API_MAX_IN_FLIGHT; with an injected getDb, none). */
  admission?: Admission;
}

export interface ApiHandlerOptions extends ApiDeps {
  /** The stable metric name: method and route pattern, e.g. "POST /api/v1/metrics". */
  name: string;
  scope: ApiKeyScope;
  /**
   * What the monthly quota counts on this route: requests (default), or the items a request
   * carries ('points', 'events'), charged by the handler through scope.chargeQuota.
   */
  quotaUnit?: 'points' | 'events';
}

const REQUEST_ID = /^[\w-]{8,64}$/;

export function apiErrorResponse(
  status: number,
  error: string,
  message: string,
  requestId: string,
  extra: { issues?: ValidationIssue[]; headers?: Record<string, string> } = {},
): Response {
  const body: ApiErrorBody = { error, message, requestId, ...(extra.issues ? { issues: extra.issues } : {}) };
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', 'x-request-id': requestId, ...extra.headers } });
}

export function apiJsonResponse(status: number, body: unknown, requestId: string): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', 'x-request-id': requestId } });
}

const DENIALS: Record<ApiKeyDenialReason, { status: 401 | 403; error: string; message: string }> = {
  missing: { status: 401, error: 'missing_api_key', message: 'Send an API key: "Authorization: Bearer smm_<prefix>_<secret>".' },
  malformed: { status: 401, error: 'invalid_api_key', message: 'The Authorization header does not hold an API key of the form "Bearer smm_<prefix>_<secret>".' },
  unknown: { status: 401, error: 'invalid_api_key', message: 'This API key is not valid.' },
  revoked: { status: 403, error: 'api_key_revoked', message: 'This API key has been revoked.' },
  expired: { status: 403, error: 'api_key_expired', message: 'This API key has expired.' },
  insufficient_scope: { status: 403, error: 'insufficient_scope', message: 'This API key lacks the scope this endpoint needs.' },
};

const errorMessages: Record<string, string> = en.errors;

const REFUSALS: Record<GuardRefusal, string> = {
  rate_limited: 'Too many requests for this API key. Wait for the number of seconds in Retry-After.',
  blocked: 'This API key is blocked by an administrator.',
  quota_exceeded: 'This API key has used its monthly quota. It resets at the start of the next month (UTC).',
};

/** 429 for a batch that would take the key past its monthly quota, naming the quota and its figures. */
function quotaRefusal(unit: 'points' | 'events', refused: NonNullable<QuotaDecision['refused']>, now: Date, requestId: string, headers: Record<string, string>): Response {
  const remaining = Math.max(0, refused.limit - refused.used);
  const resetsAt = new Date(now.getTime() + refused.retryAfterSeconds * 1000).toISOString();
  const body: ApiErrorBody = {
    error: 'quota_exceeded',
    message:
      `This batch of ${refused.requested} ${unit} would exceed the monthly quota "quota" of this API key: ` +
      `${refused.used} of ${refused.limit} ${unit} used, ${remaining} left. Nothing was stored. ` +
      `Send at most ${remaining} ${unit}, or wait for the reset at ${resetsAt} (start of the next month, UTC).`,
    requestId,
    quota: { policy: 'quota', unit, limit: refused.limit, used: refused.used, remaining, requested: refused.requested, resetsAt },
  };
  return Response.json(body, { status: 429, headers: { 'cache-control': 'no-store', 'x-request-id': requestId, ...headers } });
}

/**
 * The wrapper for route handlers called by machine clients (API keys), the counterpart of
 * formAction for server actions:
 * - measures every call under `name` (instrumentRoute, in-memory, no database write);
 * - checks `Authorization: Bearer <key>`: 401 when missing or invalid, 403 when revoked,
 *   expired or lacking the scope, each as JSON, each refusal audited as 'api_key.denied'
 *   (rate-limited, see lib/api-keys/denial-audit.ts);
 * - rate-limits per API key and charges its monthly quota (lib/rate-limit/guard.ts): 429 with
 *   Retry-After when refused, and the RateLimit-Policy / RateLimit headers on every response
 *   after the key check; a failing limiter store lets the request through (fail open);
 * - maps a thrown ServiceError to its HTTP status; any other error answers 500 with the
 *   request id only, and its details go to the server log under that id.
 */
export function apiHandler<C = unknown>(
  options: ApiHandlerOptions,
  handler: (request: Request, scope: ApiScope, routeContext: C) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  const loadDb = options.getDb ?? getDb;
  const clock = options.now ?? (() => new Date());
  // Tests inject a database: give them a limiter of their own (memory store, their overrides).
  const ownLimiter = options.rateLimiter ?? (options.getDb ? new RateLimiter({ store: new MemoryStore(), adjustments: new DbAdjustments(loadDb) }) : undefined);
  const limiter = () => (ownLimiter ? Promise.resolve(ownLimiter) : getRateLimiter());
  const admission = routeAdmission(options);
  return instrumentRoute<C>(options.name, async (request, routeContext) => {
    const incoming = request.headers.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    return withinAdmission(admission(), options.name, () => handle(request, routeContext, requestId), () =>
      apiErrorResponse(503, 'overloaded', OVERLOADED_MESSAGE, requestId, { headers: { 'retry-after': '1' } }),
    );
  });

  async function handle(request: Request, routeContext: C, requestId: string): Promise<Response> {
    // Every response after the key check carries the RateLimit headers, errors included.
    let limitHeaders: Record<string, string> = {};
    try {
      const now = clock();
      const db = await loadDb();
      const meta = {
        requestId,
        ip: clientIp(request.headers.get('x-forwarded-for'), options.trustProxyHops ?? env().TRUST_PROXY_HOPS),
        userAgent: request.headers.get('user-agent') ?? undefined,
      };
      const verified = await verifyApiKey(db, request.headers.get('authorization'), options.scope, now);
      if (!verified.ok) {
        const denial = DENIALS[verified.reason];
        try {
          await auditApiKeyDenial(db, meta, { ...verified, route: options.name, scope: options.scope }, { now });
        } catch (error) {
          // The refusal stands even when the audit write fails; the failure is logged.
          console.error(`[api] ${requestId} could not audit a refused API key`, error instanceof Error ? error.stack : error);
        }
        const challenge =
          denial.status === 401
            ? 'Bearer realm="smm", error="invalid_token"'
            : verified.reason === 'insufficient_scope'
              ? `Bearer realm="smm", error="insufficient_scope", scope="${options.scope}"`
              : 'Bearer realm="smm", error="invalid_token"';
        return apiErrorResponse(denial.status, denial.error, denial.message, requestId, { headers: { 'www-authenticate': challenge } });
      }
      const guardInput: GuardInput = {
        routeName: options.name,
        identity: { type: 'api_key', id: verified.key.id },
        quotaKeyId: verified.key.id,
        // Per-item routes charge once they know the batch size.
        quotaUnits: options.quotaUnit ? 0 : 1,
        now,
        db,
        request: meta,
      };
      const guardDeps = { limiter: await limiter() };
      const guard = await guardRequest(guardInput, guardDeps);
      limitHeaders = guard.headers;
      if (!guard.ok) return apiErrorResponse(429, guard.reason, REFUSALS[guard.reason], requestId, { headers: guard.headers });
      let charged = !options.quotaUnit;
      // Units actually added to the key's usage (0 when refused or failed open), given back if
      // the handler then fails: the client will resend what was not stored.
      let chargedUnits = 0;
      const chargeQuota = async (units: number): Promise<Response | undefined> => {
        if (charged || !options.quotaUnit) return undefined;
        charged = true;
        const quota = await chargeQuotaUnits(guardInput, guardDeps, units);
        if (quota.policy && !quota.refused) chargedUnits = units;
        const policies = quota.policy ? [...guard.policies, quota.policy] : guard.policies;
        limitHeaders = rateLimitHeaders(policies, quota.refused?.retryAfterSeconds);
        if (!quota.refused) return undefined;
        return quotaRefusal(options.quotaUnit, quota.refused, now, requestId, limitHeaders);
      };
      const scope: ApiScope = { db, key: verified.key, context: { actor: { type: 'api_key', id: verified.key.id }, request: meta }, requestId, now, chargeQuota };
      let response: Response;
      try {
        response = await handler(request, scope, routeContext);
      } catch (error) {
        await refundQuotaUnits(guardInput, guardDeps, chargedUnits);
        throw error;
      }
      if (!charged) {
        // Nothing was charged (a bad body): the answer still tells the quota left.
        const policy = await peekQuotaPolicy(guardInput, guardDeps);
        if (policy) limitHeaders = rateLimitHeaders([...guard.policies, policy]);
      }
      return withHeaders(response, limitHeaders);
    } catch (error) {
      if (error instanceof ServiceError) {
        const headers: Record<string, string> = { ...limitHeaders, ...(error.details.retryAfterSeconds ? { 'retry-after': String(error.details.retryAfterSeconds) } : {}) };
        return apiErrorResponse(HTTP_STATUS[error.kind], error.kind, errorMessages[error.messageKey] ?? error.messageKey, requestId, { headers });
      }
      if (request.signal.aborted) {
        // The client hung up (its timeout, a closed tab) while we read its body: not our failure,
        // and under overload there are thousands; one line each, no stack. 499 as nginx counts it.
        console.warn(`[api] ${requestId} ${options.name}: the client closed the connection before the answer`);
        return apiErrorResponse(499, 'client_closed_request', 'The client closed the connection before the answer.', requestId, { headers: limitHeaders });
      }
      console.error(`[api] ${requestId} ${options.name} failed`, error instanceof Error ? error.stack : error);
      return apiErrorResponse(500, 'internal_error', 'Something went wrong on our side. Quote the request id if you ask for help.', requestId, { headers: limitHeaders });
    }
  }
}
