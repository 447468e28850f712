import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/types';
import { env } from '@/lib/config/env';
import { OVERLOADED_MESSAGE, routeAdmission, withinAdmission } from './admission';
import { getDb } from '@/lib/db/database';
import type { Admission } from '@/lib/http/admission';
import { clientIp } from '@/lib/http/client-ip';
import { instrumentRoute } from '@/lib/metrics/route';
import { guardRequest } from '@/lib/rate-limit/guard';
import { withHeaders } from '@/lib/rate-limit/headers';
import type { RateLimiter } from '@/lib/rate-limit/limiter';
import { getRateLimiter } from '@/lib/rate-limit/runtime';

export interface PublicRouteDeps {
  getDb?: () => Promise<Db>;
  now?: () => Date;
  trustProxyHops?: number;
  rateLimiter?: RateLimiter;
  /** The bound on requests in flight, shared with the API-key routes (API_MAX_IN_FLIGHT; with an injected getDb, none). */
  admission?: Admission;
}

/**
 * A public route (no key, no session), measured and rate-limited per client IP under the
 * policy of its name (lib/rate-limit/policies.ts). Every response carries the RateLimit
 * headers; a refusal is a 429 with Retry-After. Past the instance's bound on requests in flight
 * (shared with the API-key routes: both wait on the same database pool) it answers 503 at once.
 */
export function publicRoute<C = unknown>(
  name: string,
  handler: (request: Request, context: C) => Promise<Response>,
  deps: PublicRouteDeps = {},
): (request: Request, context: C) => Promise<Response> {
  const admission = routeAdmission(deps);
  return instrumentRoute<C>(name, async (request, context) => {
    return withinAdmission(admission(), name, () => handle(request, context), () =>
      Response.json({ error: 'overloaded', message: OVERLOADED_MESSAGE }, { status: 503, headers: { 'cache-control': 'no-store', 'retry-after': '1' } }),
    );
  });

  async function handle(request: Request, context: C): Promise<Response> {
    const now = (deps.now ?? (() => new Date()))();
    const ip = clientIp(request.headers.get('x-forwarded-for'), deps.trustProxyHops ?? env().TRUST_PROXY_HOPS) ?? 'unknown';
    const loadDb = deps.getDb ?? getDb;
    let headers: Record<string, string> = {};
    try {
      const guard = await guardRequest(
        { routeName: name, identity: { type: 'ip', id: ip }, now, db: await loadDb(), request: { ip, requestId: randomUUID(), userAgent: request.headers.get('user-agent') ?? undefined } },
        { limiter: deps.rateLimiter ?? (await getRateLimiter(loadDb)) },
      );
      if (!guard.ok) {
        return Response.json(
          { error: 'rate_limited', message: 'Too many requests from this address. Wait for the number of seconds in Retry-After.' },
          { status: 429, headers: { 'cache-control': 'no-store', ...guard.headers } },
        );
      }
      headers = guard.headers;
    } catch {
      // No database to limit with (readiness must still answer 503 then): fail open.
    }
    return withHeaders(await handler(request, context), headers);
  }
}
