import type { NextRequest } from 'next/server';
import { handlers } from '@/app/_server/auth';
import { instrumentRoute } from '@/lib/metrics/route';

// One stable name per method: the catch-all's sub-paths (session, csrf, callback) are not split.
// Next hands route handlers a NextRequest; the wrapper's type only promises a Request.
export const GET = instrumentRoute('GET /api/auth/[...nextauth]', (request: Request) => handlers.GET(request as NextRequest));
export const POST = instrumentRoute('POST /api/auth/[...nextauth]', (request: Request) => handlers.POST(request as NextRequest));
