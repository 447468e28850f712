import { env } from '@/lib/config/env';
import { bearerMatches, PROMETHEUS_CONTENT_TYPE, renderPrometheus } from '@/lib/metrics/prometheus';
import { instrumentRoute } from '@/lib/metrics/route';
import { getAggregator, getSamplers } from '@/lib/metrics/runtime';

export const dynamic = 'force-dynamic';

/**
 * Prometheus scrape endpoint for this instance. Without METRICS_TOKEN it does not exist
 * (404), so nothing is exposed by default; with it, only `Authorization: Bearer <token>` gets
 * the figures.
 */
export const GET = instrumentRoute('GET /api/metrics', async (request: Request) => {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (!bearerMatches(request.headers.get('authorization'), token)) {
    return new Response('Unauthorized\n', {
      status: 401,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"', 'cache-control': 'no-store' },
    });
  }
  const samplers = getSamplers();
  const body = renderPrometheus({ aggregator: getAggregator().snapshot(), process: samplers.process?.latest, db: samplers.db?.latest });
  return new Response(body, { headers: { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store' } });
});
