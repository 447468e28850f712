/** How one delivery attempt ended, as the sender needs it. */
export type SendOutcome =
  | { ok: true; statusCode: number | null }
  | { ok: false; statusCode: number | null; error: string; permanent: boolean; retryAfterMs: number | null };

/** The longest a 429 may make us wait: a receiver asking for days is asking for a failure. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * A wait asked by a receiver, in milliseconds, or null. Retry-After is seconds or an HTTP
 * date (RFC 9110); Discord's JSON retry_after is seconds with a fraction (API v10) but was
 * milliseconds in older versions and some proxies, so a value above 300 without a fraction
 * is read as milliseconds. Capped at MAX_RETRY_AFTER_MS; nonsense gives null.
 */
export function parseRetryAfter(header: string | null, body: unknown, now: number): number | null {
  let ms: number | null = null;
  if (header && header.trim() !== '') {
    const text = header.trim();
    if (/^\d+(\.\d+)?$/.test(text)) ms = Number(text) * 1000;
    else {
      const date = Date.parse(text);
      if (!Number.isNaN(date)) ms = date - now;
    }
  }
  if (ms === null && body && typeof body === 'object' && 'retry_after' in body) {
    const raw = (body as { retry_after: unknown }).retry_after;
    const value = typeof raw === 'string' ? Number(raw) : raw;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      ms = value > 300 && Number.isInteger(value) ? value : value * 1000;
    }
  }
  if (ms === null || !Number.isFinite(ms)) return null;
  return Math.min(Math.max(Math.ceil(ms), 0), MAX_RETRY_AFTER_MS);
}

/** 2xx delivered; 408, 429 and 5xx worth retrying; any other status will not get better. */
export function outcomeOfStatus(statusCode: number, retryAfterMs: number | null, detail: string): SendOutcome {
  if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode };
  const retryable = statusCode === 408 || statusCode === 429 || statusCode >= 500;
  return { ok: false, statusCode, error: `HTTP ${statusCode}${detail ? `: ${detail}` : ''}`.slice(0, 500), permanent: !retryable, retryAfterMs: statusCode === 429 ? retryAfterMs : null };
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): a random wait between 0 and min(cap, base * 2^attempt), at least a second.
 */
export function backoffMs(attempt: number, random: () => number = Math.random, baseMs = 30_000, capMs = 60 * 60 * 1000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.max(1000, Math.floor(random() * ceiling));
}
