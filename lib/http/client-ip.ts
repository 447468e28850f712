/**
 * The client address from X-Forwarded-For. `next start` fills that header with the socket
 * address only when the request has none, and each trusted proxy appends the address it saw,
 * so the right entry is `trustedHops` from the end. Entries further left are client-supplied
 * and never trusted.
 */
export function clientIp(forwardedFor: string | null | undefined, trustedHops: number): string | undefined {
  if (!forwardedFor) return undefined;
  const entries = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  const index = Math.max(0, entries.length - 1 - trustedHops);
  return entries[index]!.slice(0, 64);
}
