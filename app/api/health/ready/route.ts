import { getDb } from '@/lib/db/database';
import { createCachedReadiness } from '@/lib/health/readiness';
import { publicRoute } from '@/app/_server/public-route';

export const dynamic = 'force-dynamic';

/** Readiness for a load balancer: 200 when the database answers and migrations are current, else 503 with the reason. Rate-limited per client IP. */
// Per process: an answer is at most a second old (see createCachedReadiness).
const readinessOf = createCachedReadiness(getDb);

export const GET = publicRoute('GET /api/health/ready', async () => {
  const readiness = await readinessOf();
  return Response.json(readiness.ready ? { status: 'ready', ...readiness } : { status: 'not_ready', ...readiness }, {
    status: readiness.ready ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
});
