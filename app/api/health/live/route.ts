import { instrumentRoute } from '@/lib/metrics/route';

// Liveness: the process answers. No database, no sign-in, no secrets.
export const dynamic = 'force-dynamic';

export const GET = instrumentRoute('GET /api/health/live', async () =>
  Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } }),
);
