import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/types';
import type { MutationContext } from '@/lib/audit/context';
import { auditApiKeyDenial } from '@/lib/api-keys/denial-audit';
import type { ApiKeyScope } from '@/lib/api-keys/scopes';
import { verifyApiKey, type ApiKeyDenialReason, type VerifiedApiKey } from '@/lib/api-keys/verify';
import { env } from '@/lib/config/env';
import { getDb } from '@/lib/db/database';
import { HTTP_STATUS, ServiceError } from '@/lib/errors/service-error';
import { clientIp } from '@/lib/http/client-ip';
import type { ApiErrorBody, ValidationIssue } from '@/lib/ingest/schema';
import { instrumentRoute } from '@/lib/metrics/route';
import { DbAdjustments } from '@/lib/rate-limit/adjustments';
import { guardRequest, type GuardRefusal } from '@/lib/rate-limit/guard';
import { withHeaders } from '@/lib/rate-limit/headers';
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
}

/** Injectable for tests (a test database, a fake clock); the app uses the defaults. */
export interface ApiDeps {
  getDb?: () => Promise<Db>;
  now?: () => Date;
  trustProxyHops?: number;
  /** The limiter (default: the process's, lib/rate-limit/runtime; with an injected getDb, a memory one). */
  rateLimiter?: RateLimiter;
}

export interface ApiHandlerOptions extends ApiDeps {
  /** The stable metric name: method and route pattern, e.g. "POST /api/v1/metrics". */
  name: string;
  scope: ApiKeyScope;
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
  return instrumentRoute<C>(options.name, async (request, routeContext) => {
    const incoming = request.headers.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
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
      const guard = await guardRequest(
        { routeName: options.name, identity: { type: 'api_key', id: verified.key.id }, quotaKeyId: verified.key.id, now, db, request: meta },
        { limiter: await limiter() },
      );
      limitHeaders = guard.headers;
      if (!guard.ok) return apiErrorResponse(429, guard.reason, REFUSALS[guard.reason], requestId, { headers: guard.headers });
      const scope: ApiScope = { db, key: verified.key, context: { actor: { type: 'api_key', id: verified.key.id }, request: meta }, requestId, now };
      return withHeaders(await handler(request, scope, routeContext), limitHeaders);
    } catch (error) {
      if (error instanceof ServiceError) {
        const headers: Record<string, string> = { ...limitHeaders, ...(error.details.retryAfterSeconds ? { 'retry-after': String(error.details.retryAfterSeconds) } : {}) };
        return apiErrorResponse(HTTP_STATUS[error.kind], error.kind, errorMessages[error.messageKey] ?? error.messageKey, requestId, { headers });
      }
      console.error(`[api] ${requestId} ${options.name} failed`, error instanceof Error ? error.stack : error);
      return apiErrorResponse(500, 'internal_error', 'Something went wrong on our side. Quote the request id if you ask for help.', requestId, { headers: limitHeaders });
    }
  });
}
