import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { createApiKey } from '@/lib/api-keys/create';
import { EventCounters } from '@/lib/metrics/counters';
import { DbAdjustments } from '@/lib/rate-limit/adjustments';
import { RateLimiter } from '@/lib/rate-limit/limiter';
import { PostgresStore } from '@/lib/rate-limit/postgres-store';
import { setOverride, setQuota } from '@/lib/rate-limit/overrides';
import { apiHandler } from './api-handler';

const system = { actor: { type: 'system' as const, id: 'test' }, request: {} };

describe('apiHandler: rate limits, quotas and RateLimit headers', () => {
  let t: TestDb;
  let now = new Date('2026-05-31T23:59:00.000Z');
  let limiter: RateLimiter;
  let call: (key: string) => Promise<Response>;
  let keyA: { id: string; key: string };
  let keyB: { id: string; key: string };

  beforeAll(async () => {
    t = await createTestDb();
    const make = async (name: string) => {
      const created = await createApiKey(t.db, { name, scopes: ['metrics:write'], expiresInDays: null }, system, now);
      return { id: created.id, key: created.key };
    };
    keyA = await make('a');
    keyB = await make('b');
    limiter = new RateLimiter({ store: new PostgresStore(t.db), adjustments: new DbAdjustments(async () => t.db), timeoutMs: 5_000, counters: new EventCounters(() => {}) });
    const handler = apiHandler({ name: 'POST /api/v1/metrics', scope: 'metrics:write', getDb: async () => t.db, now: () => now, trustProxyHops: 0, rateLimiter: limiter }, async () =>
      Response.json({ ok: true }, { status: 202 }),
    );
    call = (key) => handler(new Request('http://localhost/api/v1/metrics', { method: 'POST', headers: { authorization: `Bearer ${key}` } }), undefined);
  });
  afterAll(async () => t.close());

  it('puts RateLimit-Policy and RateLimit (limit and monthly quota) on every response', async () => {
    const response = await call(keyA.key);
    expect(response.status).toBe(202);
    expect(response.headers.get('ratelimit-policy')).toBe('"ingest";q=600;w=60, "quota";q=1000000;w=2678400');
    expect(response.headers.get('ratelimit')).toBe('"ingest";r=599;t=1, "quota";r=999999;t=60');
    expect(response.headers.get('retry-after')).toBeNull();
  });

  it('answers 429 with Retry-After over an admin-lowered limit, audits the refusal once (sampled)', async () => {
    await setOverride(t.db, { subjectType: 'api_key', subjectId: keyB.id, policyGroup: 'ingest', mode: 'limit', limit: 3, reason: 'noisy' }, system, now);
    limiter.invalidateAdjustments();
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 6; i++) {
      const response = await call(keyB.key);
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429, 429]);
    expect(refused!.headers.get('retry-after')).toBe('20');
    expect(refused!.headers.get('ratelimit')).toBe('"ingest";r=0;t=60');
    expect(refused!.headers.get('ratelimit-policy')).toBe('"ingest";q=3;w=60');
    expect(await refused!.json()).toMatchObject({ error: 'rate_limited' });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'rate_limit.refused'));
    expect(audits).toHaveLength(1);
    // Another key is not affected by B's override.
    expect((await call(keyA.key)).status).toBe(202);
  });

  it('refuses a blocked key until the block is lifted', async () => {
    await setOverride(t.db, { subjectType: 'api_key', subjectId: keyA.id, policyGroup: '*', mode: 'block', reason: 'abuse', expiresInHours: 1 }, system, now);
    limiter.invalidateAdjustments();
    const response = await call(keyA.key);
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ error: 'blocked' });
    expect(Number(response.headers.get('retry-after'))).toBe(3600);
    await t.db.execute(sql`delete from rate_limit_overrides where subject_id = ${keyA.id}`);
    limiter.invalidateAdjustments();
    expect((await call(keyA.key)).status).toBe(202);
  });

  it('refuses past the monthly quota and lets the key in again at the period boundary', async () => {
    const created = await createApiKey(t.db, { name: 'quota', scopes: ['metrics:write'], expiresInDays: null }, system, now);
    await setQuota(t.db, created.id, 2, system, now);
    expect((await call(created.key)).status).toBe(202);
    expect((await call(created.key)).status).toBe(202);
    const over = await call(created.key);
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ error: 'quota_exceeded' });
    expect(over.headers.get('retry-after')).toBe('60');
    now = new Date('2026-06-01T00:00:00.000Z');
    const next = await call(created.key);
    expect(next.status).toBe(202);
    expect(next.headers.get('ratelimit')).toContain('"quota";r=1;');
  });
});
