import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { classifyAddress, guardedLookup, systemResolver, urlHost, type Resolver } from '../net/ssrf';
import { outcomeOfStatus, parseRetryAfter, type SendOutcome } from './outcome';

export interface PostOptions {
  allowPrivate: boolean;
  resolve?: Resolver;
  timeoutMs?: number;
  now?: () => number;
}

const MAX_BODY = 64 * 1024;

/**
 * POSTs a body and classifies the answer. The SSRF guard runs at connect time (the socket
 * connects only to checked addresses); redirects are not followed; the whole exchange is
 * bounded by a timeout; only the first 64 KB of the answer are read (for retry_after).
 */
export async function postJson(rawUrl: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<SendOutcome> {
  const { allowPrivate, resolve = systemResolver, timeoutMs = 10_000, now = Date.now } = options;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, statusCode: null, error: 'invalid URL', permanent: true, retryAfterMs: null };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, statusCode: null, error: 'blocked: scheme', permanent: true, retryAfterMs: null };
  const host = urlHost(url);
  if (isIP(host) && !allowPrivate && classifyAddress(host)) {
    return { ok: false, statusCode: null, error: `blocked: ${classifyAddress(host)}`, permanent: true, retryAfterMs: null };
  }
  const client = url.protocol === 'https:' ? https : http;
  try {
    const { status, text, retryAfter } = await new Promise<{ status: number; text: string; retryAfter: string | null }>((resolveResponse, reject) => {
      const request = client.request(
        url,
        {
          method: 'POST',
          agent: false,
          lookup: guardedLookup(allowPrivate, resolve),
          signal: AbortSignal.timeout(timeoutMs),
          headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'SuperMegaMind-Alerts/1.0', ...headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            if (size < MAX_BODY) chunks.push(chunk);
            size += chunk.length;
          });
          response.on('end', () => {
            const header = response.headers['retry-after'];
            resolveResponse({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY), retryAfter: Array.isArray(header) ? (header[0] ?? null) : (header ?? null) });
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return outcomeOfStatus(status, parseRetryAfter(retryAfter, parsed, now()), status >= 400 ? text.slice(0, 200) : '');
  } catch (error) {
    const name = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.name) : 'error';
    const blocked = error instanceof Error && error.name === 'BlockedTargetError';
    return { ok: false, statusCode: null, error: blocked ? error.message : `network: ${name}`, permanent: blocked, retryAfterMs: null };
  }
}
