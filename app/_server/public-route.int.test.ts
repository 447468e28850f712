import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { Admission } from '@/lib/http/admission';
import { EventCounters } from '@/lib/metrics/counters';
import { RateLimiter } from '@/lib/rate-limit/limiter';
import { MemoryStore } from '@/lib/rate-limit/memory-store';
import { publicRoute } from './public-route';

describe('publicRoute: per-IP limit on a public route', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('limits per client IP with headers on every response, and fails open without a database', async () => {
    const limiter = new RateLimiter({ store: new MemoryStore(), counters: new EventCounters(() => {}) });
    const now = new Date('2026-05-01T00:00:00Z');
    const route = publicRoute('GET /api/health/ready', async () => Response.json({ ok: true }), { getDb: async () => t.db, now: () => now, trustProxyHops: 0, rateLimiter: limiter });
    const get = (ip: string) => route(new Request('http://localhost/api/health/ready', { headers: { 'x-forwarded-for': ip } }), undefined);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 121; i++) {
      last = await get('192.0.2.1');
      statuses.push(last.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(120);
    expect(last!.status).toBe(429);
    expect(last!.headers.get('retry-after')).toBe('1');
    expect(last!.headers.get('ratelimit-policy')).toBe('"public";q=120;w=60');
    const other = await get('192.0.2.2');
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit')).toBe('"public";r=119;t=1');

    const noDb = publicRoute('GET /api/health/ready', async () => new Response(null, { status: 503 }), { getDb: () => Promise.reject(new Error('down')), trustProxyHops: 0, rateLimiter: limiter });
    expect((await noDb(new Request('http://localhost/api/health/ready'), undefined)).status).toBe(503);
  });

  it('answers 503 with Retry-After at once past the bound on requests in flight, and admits again after', async () => {
    const admission = new Admission(1);
    let open: (() => void) | undefined;
    const route = publicRoute('GET /api/health/ready', () => new Promise<Response>((resolve) => (open = () => resolve(Response.json({ ok: true })))), {
      getDb: async () => t.db,
      trustProxyHops: 0,
      rateLimiter: new RateLimiter({ store: new MemoryStore(), counters: new EventCounters(() => {}) }),
      admission,
    });
    const get = () => route(new Request('http://localhost/api/health/ready'), undefined);
    const first = get();
    await expect.poll(() => open !== undefined).toBe(true);
    expect(admission.current).toBe(1);
    const shed = await get();
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(await shed.json()).toMatchObject({ error: 'overloaded' });
    open!();
    expect((await first).status).toBe(200);
    expect(admission.current).toBe(0);
  });
});
