import type { InngestFunction } from 'inngest';
import { serve, type RequestHandler } from 'inngest/next';
import { inngestConfigured } from '../lib/config/env';
import { inngest } from './client';

export const NOT_CONFIGURED_BODY = {
  error: 'inngest_not_configured',
  message: 'Jobs run in-process; set INNGEST_SIGNING_KEY to use Inngest',
} as const;

/**
 * GET/POST/PUT for /api/inngest. Without a signing key (and without INNGEST_DEV, which
 * env() refuses in production) the endpoint answers 503 instead of serving: the SDK would
 * otherwise answer 500 in cloud mode, and nothing may run functions unsigned. The check
 * runs per request, not at import, so `next build` needs no Inngest settings.
 */
export function createInngestHandlers(
  functions: readonly InngestFunction.Like[],
  configured: () => boolean = inngestConfigured,
): { GET: RequestHandler; POST: RequestHandler; PUT: RequestHandler } {
  const served = serve({ client: inngest, functions });
  const guard =
    (handler: RequestHandler): RequestHandler =>
    async (request, context) =>
      configured() ? handler(request, context) : Response.json(NOT_CONFIGURED_BODY, { status: 503 });
  return { GET: guard(served.GET), POST: guard(served.POST), PUT: guard(served.PUT) };
}
