import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Monitor, MonitorStatus } from '../../db/schema';
import { BlockedTargetError, classifyAddress, guardedLookup, systemResolver, urlHost, type Resolver } from '../net/ssrf';

export interface ProbeResult {
  status: MonitorStatus;
  /** Time until the response headers arrived, or until the failure (timeout, refusal). */
  elapsedMs: number;
  /** Set when an HTTP response arrived. */
  httpStatus: number | null;
  /**
   * Why a check is down, as a code the console translates: timeout, unexpected_status,
   * blocked:<reason>, dns_failed, connection_refused, connection_reset, tls, network:<errno>.
   */
  error: string | null;
}

export type ProbeTarget = Pick<Monitor, 'url' | 'method' | 'expectedStatus' | 'timeoutMs' | 'degradedAfterMs'>;

export interface ProbeOptions {
  allowPrivate: boolean;
  resolve?: Resolver;
}

const USER_AGENT = 'SuperMegaMind-Monitor/1.0';

function errorCode(error: unknown): string {
  if (error instanceof BlockedTargetError) return `blocked:${error.problem}`;
  const named = error as { name?: string; code?: string };
  if (named.name === 'TimeoutError' || named.name === 'AbortError') return 'timeout';
  switch (named.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'dns_failed';
    case 'ECONNREFUSED':
      return 'connection_refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection_reset';
    default:
      if (named.code && /CERT|SSL|TLS|SELF_SIGNED/.test(named.code)) return 'tls';
      return `network:${named.code ?? named.name ?? 'unknown'}`;
  }
}

/**
 * One probe: down on a network error, a timeout or an unexpected status; degraded when the
 * answer came slower than degradedAfterMs; up otherwise.
 *
 * - The response time is measured to the response headers; the body is not read.
 * - The SSRF check happens at connect time (guardedLookup): the socket connects only to the
 *   addresses that were just checked, so a DNS change since the monitor was saved cannot
 *   reach a private address. IP-literal hosts skip DNS and are checked here directly.
 * - Redirects are not followed: a 3xx is the status (a redirect to another host would need
 *   a new check; an admin who wants the target monitors the target).
 * - AbortSignal.timeout bounds the whole exchange, DNS and connect included.
 */
export async function probeOnce(target: ProbeTarget, { allowPrivate, resolve = systemResolver }: ProbeOptions): Promise<ProbeResult> {
  const started = performance.now();
  const down = (error: string, httpStatus: number | null = null): ProbeResult => ({
    status: 'down',
    elapsedMs: Math.round(performance.now() - started),
    httpStatus,
    error,
  });
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return down('blocked:invalid_url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return down('blocked:scheme');
  const host = urlHost(url);
  if (isIP(host) && !allowPrivate) {
    const reason = classifyAddress(host);
    if (reason) return down(`blocked:${reason}`);
  }

  const client = url.protocol === 'https:' ? https : http;
  try {
    const httpStatus = await new Promise<number>((resolveStatus, reject) => {
      const request = client.request(
        url,
        {
          method: target.method,
          agent: false,
          lookup: guardedLookup(allowPrivate, resolve),
          signal: AbortSignal.timeout(target.timeoutMs),
          headers: { 'user-agent': USER_AGENT, accept: '*/*', ...(target.method === 'POST' ? { 'content-length': '0' } : {}) },
        },
        (response) => {
          resolveStatus(response.statusCode ?? 0);
          response.destroy();
        },
      );
      request.on('error', reject);
      request.end();
    });
    const elapsedMs = Math.round(performance.now() - started);
    if (httpStatus !== target.expectedStatus) return { status: 'down', elapsedMs, httpStatus, error: 'unexpected_status' };
    return { status: elapsedMs > target.degradedAfterMs ? 'degraded' : 'up', elapsedMs, httpStatus, error: null };
  } catch (error) {
    return down(errorCode(error));
  }
}
