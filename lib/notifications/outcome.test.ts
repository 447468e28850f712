import { describe, expect, it } from 'vitest';
import { backoffMs, MAX_RETRY_AFTER_MS, outcomeOfStatus, parseRetryAfter } from './outcome';

const NOW = Date.parse('2026-06-01T12:00:00Z');

describe('retry classification', () => {
  it('parses Retry-After seconds and HTTP dates, and Discord retry_after in seconds or milliseconds', () => {
    expect(parseRetryAfter('7', null, NOW)).toBe(7000);
    expect(parseRetryAfter('Mon, 01 Jun 2026 12:00:30 GMT', null, NOW)).toBe(30_000);
    expect(parseRetryAfter(null, { retry_after: 1.5, global: false }, NOW)).toBe(1500);
    expect(parseRetryAfter(null, { retry_after: 2500 }, NOW)).toBe(2500);
    expect(parseRetryAfter(null, { retry_after: '3' }, NOW)).toBe(3000);
  });

  it('caps absurd waits and ignores nonsense', () => {
    expect(parseRetryAfter('999999999', null, NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('soon', { retry_after: -4 }, NOW)).toBeNull();
    expect(parseRetryAfter(null, { retry_after: 'NaN' }, NOW)).toBeNull();
    expect(parseRetryAfter('Mon, 01 Jun 2026 11:00:00 GMT', null, NOW)).toBe(0);
  });

  it('retries 408, 429 and 5xx; other 4xx are permanent', () => {
    expect(outcomeOfStatus(204, null, '')).toEqual({ ok: true, statusCode: 204 });
    expect(outcomeOfStatus(503, null, '')).toMatchObject({ ok: false, permanent: false });
    expect(outcomeOfStatus(429, 2000, '')).toMatchObject({ ok: false, permanent: false, retryAfterMs: 2000 });
    expect(outcomeOfStatus(404, null, 'Unknown Webhook')).toMatchObject({ ok: false, permanent: true, error: 'HTTP 404: Unknown Webhook' });
  });

  it('backs off exponentially with full jitter, capped at an hour', () => {
    expect(backoffMs(0, () => 0.999)).toBeLessThanOrEqual(30_000);
    expect(backoffMs(3, () => 0.999)).toBeGreaterThan(200_000);
    expect(backoffMs(30, () => 0.999)).toBeLessThanOrEqual(3_600_000);
    expect(backoffMs(5, () => 0)).toBe(1000);
  });
});
