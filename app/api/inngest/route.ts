import type { NextRequest } from 'next/server';
import { functions } from '@/inngest/functions';
import { createInngestHandlers } from '@/inngest/serve';
import { instrumentRoute } from '@/lib/metrics/route';

// Per-request env and signature checks; never prerendered.
export const dynamic = 'force-dynamic';

const handlers = createInngestHandlers(functions);

// Next hands route handlers a NextRequest; the wrapper's type only promises a Request.
export const GET = instrumentRoute('GET /api/inngest', (request: Request, context: unknown) => handlers.GET(request as NextRequest, context));
export const POST = instrumentRoute('POST /api/inngest', (request: Request, context: unknown) => handlers.POST(request as NextRequest, context));
export const PUT = instrumentRoute('PUT /api/inngest', (request: Request, context: unknown) => handlers.PUT(request as NextRequest, context));
