import type { LimitState } from './gcra';

/**
 * Headers of draft-ietf-httpapi-ratelimit-headers (structured fields):
 *   RateLimit-Policy: "ingest";q=600;w=60, "quota";q=1000000;w=2592000
 *   RateLimit: "ingest";r=599;t=1, "quota";r=999000;t=1728000
 * plus Retry-After on a refusal.
 */
export interface HeaderPolicy {
  name: string;
  quota: number;
  windowSeconds: number;
  state?: Pick<LimitState, 'remaining' | 'resetSeconds'>;
}

const TOKEN = /^[a-z][a-z0-9_-]*$/;

function policyName(name: string): string {
  if (!TOKEN.test(name)) throw new Error(`rate-limit policy name must be a simple token: ${name}`);
  return `"${name}"`;
}

export function rateLimitHeaders(policies: readonly HeaderPolicy[], retryAfterSeconds?: number): Record<string, string> {
  const headers: Record<string, string> = {};
  if (policies.length === 0) return headers;
  headers['ratelimit-policy'] = policies.map((p) => `${policyName(p.name)};q=${Math.max(0, Math.floor(p.quota))};w=${p.windowSeconds}`).join(', ');
  const states = policies.filter((p) => p.state);
  if (states.length > 0) {
    headers.ratelimit = states.map((p) => `${policyName(p.name)};r=${Math.max(0, Math.floor(p.state!.remaining))};t=${Math.max(0, Math.ceil(p.state!.resetSeconds))}`).join(', ');
  }
  if (retryAfterSeconds !== undefined && retryAfterSeconds > 0) headers['retry-after'] = String(Math.ceil(retryAfterSeconds));
  return headers;
}

/** Copies headers onto a response; rebuilds it when its headers are immutable (a fetched Response). */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}
