import { describe, expect, it } from 'vitest';
import { describe as describeState, step } from './gcra';
import { rateLimitHeaders } from './headers';

const params = { limit: 10, windowMs: 60_000 };

describe('GCRA step', () => {
  it('allows a burst of exactly the limit, then one more per emission interval (sliding, not fixed)', () => {
    let tat: number | undefined;
    const now = 1_000_000;
    for (let i = 0; i < 10; i++) {
      const decision = step(tat, now, params);
      expect(decision.allowed).toBe(true);
      tat = decision.tatMs;
    }
    const refused = step(tat, now, params);
    expect(refused.allowed).toBe(false);
    expect(describeState(refused, now, params)).toMatchObject({ remaining: 0, retryAfterSeconds: 6, resetSeconds: 60 });
    // 6 s later exactly one request is free again; at a "window boundary" nothing more opens.
    expect(step(tat, now + 5_999, params).allowed).toBe(false);
    const later = step(tat, now + 6_000, params);
    expect(later.allowed).toBe(true);
    expect(step(later.tatMs, now + 6_000, params).allowed).toBe(false);
  });

  it('reports remaining and reset after an allowed request', () => {
    const decision = step(undefined, 0, params);
    expect(describeState(decision, 0, params)).toEqual({ allowed: true, limit: 10, remaining: 9, resetSeconds: 6, retryAfterSeconds: 0 });
  });

  it('refuses everything at a limit of zero', () => {
    const decision = step(undefined, 0, { limit: 0, windowMs: 60_000 });
    expect(decision.allowed).toBe(false);
    expect(describeState(decision, 0, { limit: 0, windowMs: 60_000 }).retryAfterSeconds).toBe(60);
  });
});

describe('RateLimit headers (draft-ietf-httpapi-ratelimit-headers)', () => {
  it('lists each policy and its state as structured fields, with Retry-After on refusal', () => {
    const headers = rateLimitHeaders(
      [
        { name: 'ingest', quota: 600, windowSeconds: 60, state: { remaining: 0, resetSeconds: 59.2 } },
        { name: 'quota', quota: 1000, windowSeconds: 2_592_000, state: { remaining: 10, resetSeconds: 100 } },
      ],
      3,
    );
    expect(headers).toEqual({
      'ratelimit-policy': '"ingest";q=600;w=60, "quota";q=1000;w=2592000',
      ratelimit: '"ingest";r=0;t=60, "quota";r=10;t=100',
      'retry-after': '3',
    });
  });
});
