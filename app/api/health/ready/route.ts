import { getDb } from '@/lib/db/database';
import { checkReadiness } from '@/lib/health/readiness';
import { instrumentRoute } from '@/lib/metrics/route';

export const dynamic = 'force-dynamic';

/** Readiness for a load balancer: 200 when the database answers and migrations are current, else 503 with the reason. */
export const GET = instrumentRoute('GET /api/health/ready', async () => {
  const readiness = await checkReadiness(getDb);
  return Response.json(readiness.ready ? { status: 'ready', ...readiness } : { status: 'not_ready', ...readiness }, {
    status: readiness.ready ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
});
