import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/config/env';
import type { RequestMeta } from '@/lib/audit/context';
import { clientIp } from '@/lib/http/client-ip';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Request id (set by proxy.ts), client IP and user agent of the current request, for audit entries. */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return {
    requestId: h.get(REQUEST_ID_HEADER) ?? undefined,
    ip: clientIp(h.get('x-forwarded-for'), env().TRUST_PROXY_HOPS),
    userAgent: h.get('user-agent') ?? undefined,
  };
}
