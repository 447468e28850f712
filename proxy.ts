import createIntlMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from './app/_i18n/routing';

const intl = createIntlMiddleware(routing);

const REQUEST_ID = /^[\w-]{8,64}$/;

/**
 * Locale routing (next-intl) and a request id for every page request, so audit entries
 * and logs of one request can be joined. Role checks live in the pages and actions
 * themselves (app/_server/session.ts), where they cannot be bypassed by a matcher gap.
 */
export default function proxy(request: NextRequest) {
  const incoming = request.headers.get('x-request-id');
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  request.headers.set('x-request-id', requestId);
  const response = intl(request);
  response.headers.set('x-request-id', requestId);
  return response;
}

export const config = {
  // Everything except API routes, Next internals and files with an extension.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};

export type { NextResponse };
