import { measureCall } from './instrument';

/**
 * Wraps a route handler so every call is measured (duration, HTTP status, error class) under a
 * stable name: the method and the route pattern ("GET /api/v1/metrics",
 * "POST /api/auth/[...nextauth]"), never the raw URL, whose ids and query strings would make
 * one endpoint into thousands. A thrown error is recorded as a 500 and re-thrown unchanged;
 * the response is returned unchanged. Nothing is written to the database here: the
 * measurement goes to the in-memory aggregator (see lib/metrics/aggregator.ts).
 */
export function instrumentRoute<C>(
  name: string,
  handler: (request: Request, context: C) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return (request, context) => measureCall('route', name, handler, request, context);
}
