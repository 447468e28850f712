import { getDb } from '@/lib/db/database';
import { checkReadiness } from '@/lib/health/readiness';
import { publicRoute } from '@/app/_server/public-route';

export const dynamic = 'force-dynamic';

/** Readiness for a load balancer: 200 when the database answers and migrations are current, else 503 with the reason. Rate-limited per client IP. */
export const GET = publicRoute('GET /api/health/ready', async () => {
  const readiness = await checkReadiness(getDb);
  return Response.json(readiness.ready ? { status: 'ready', ...readiness } : { status: 'not_ready', ...readiness }, {
    status: readiness.ready ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
});
