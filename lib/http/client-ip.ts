/**
 * The client address from X-Forwarded-For.
 *
 * `next start` fills that header with the socket address only when the request has none; it
 * never appends. Each trusted proxy in front of us appends the address it saw, so with N
 * trusted proxies the client is the entry the farthest trusted proxy wrote: N from the end.
 * Entries further left were written by the client and are never trusted.
 *
 * With no trusted proxy (N = 0) the header is either Next's socket address or whatever the
 * client sent, and the app cannot tell which: per-IP limits then only hold behind a proxy
 * that overwrites the header (README, TRUST_PROXY_HOPS). Per-account limits are unaffected.
 */
export function clientIp(forwardedFor: string | null | undefined, trustedHops: number): string | undefined {
  if (!forwardedFor) return undefined;
  const entries = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  const fromEnd = Math.max(trustedHops, 1);
  const index = Math.max(0, entries.length - fromEnd);
  return entries[index]!.slice(0, 64);
}
