import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyticsEvents, productionMetrics } from '@/db/schema';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { createApiKey } from '@/lib/api-keys/create';
import { listQuotaUsage } from '@/lib/quotas/queries';
import { setQuota } from '@/lib/rate-limit/overrides';
import { createEventsHandler } from './events/handler';
import { createIngestHandler } from './metrics/handler';

// The last minute of May: the quota resets in 60 s, which the answers must say.
const NOW = new Date('2026-05-31T23:59:00.000Z');
const system = { actor: { type: 'system' as const, id: 'test' }, request: {} };

interface QuotaBody {
  error: string;
  message: string;
  quota?: { policy: string; unit: string; limit: number; used: number; remaining: number; requested: number; resetsAt: string };
}

describe('monthly quotas on the ingest routes count points and events, not requests', () => {
  let t: TestDb;
  const deps = () => ({ getDb: async () => t.db, now: () => NOW, trustProxyHops: 0 });
  const call = (handler: (request: Request, context: undefined) => Promise<Response>, path: string, key: string, body: unknown) =>
    handler(new Request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) }), undefined);
  const count = async (table: typeof productionMetrics | typeof analyticsEvents) => Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('POST /api/v1/metrics charges each point; a batch that would pass the quota is refused whole with a 429 naming the quota', async () => {
    const created = await createApiKey(t.db, { name: 'points', scopes: ['metrics:write'], expiresInDays: null }, system, NOW);
    await setQuota(t.db, created.id, 10, system, NOW);
    const post = (n: number) => call(createIngestHandler(deps()), '/api/v1/metrics', created.key, { points: Array.from({ length: n }, (_, i) => ({ metric_type: 'q.points', value: i })) });

    const first = await post(4);
    expect(first.status).toBe(202);
    expect(first.headers.get('ratelimit')).toBe('"ingest";r=599;t=1, "quota";r=6;t=60');
    expect(first.headers.get('ratelimit-policy')).toBe('"ingest";q=600;w=60, "quota";q=10;w=2678400');

    const before = await count(productionMetrics);
    const over = await post(7);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('60');
    expect(over.headers.get('ratelimit')).toContain('"quota";r=6;t=60');
    const body = (await over.json()) as QuotaBody;
    expect(body).toMatchObject({ error: 'quota_exceeded', quota: { policy: 'quota', unit: 'points', limit: 10, used: 4, remaining: 6, requested: 7, resetsAt: '2026-06-01T00:00:00.000Z' } });
    expect(body.message).toContain('This batch of 7 points would exceed the monthly quota "quota" of this API key: 4 of 10 points used, 6 left.');
    expect(await count(productionMetrics)).toBe(before);

    // A bad batch stores and charges nothing, and still tells the quota left.
    const invalid = await call(createIngestHandler(deps()), '/api/v1/metrics', created.key, { points: [{ metric_type: 'q.points' }] });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('ratelimit')).toContain('"quota";r=6;t=60');

    // Exactly what is left fits; then the next single point does not.
    expect((await post(6)).status).toBe(202);
    expect((await post(1)).status).toBe(429);
    expect((await listQuotaUsage(t.db, NOW)).find((row) => row.apiKeyId === created.id)).toMatchObject({ used: 10, limit: 10, ratio: 1 });
  });

  it('gives the charge back when the points cannot be stored after it, so a resent batch is not paid twice', async () => {
    const created = await createApiKey(t.db, { name: 'refund', scopes: ['metrics:write'], expiresInDays: null }, system, NOW);
    await setQuota(t.db, created.id, 100, system, NOW);
    const post = (n: number) => call(createIngestHandler(deps()), '/api/v1/metrics', created.key, { points: Array.from({ length: n }, (_, i) => ({ metric_type: 'q.refund', value: i })) });
    const used = async () => (await listQuotaUsage(t.db, NOW)).find((row) => row.apiKeyId === created.id)?.used ?? 0;

    expect((await post(2)).status).toBe(202);
    // The database refuses the insert (as a full disk would) after the quota was charged.
    await t.db.execute(sql`create function smm_test_refuse_insert() returns trigger language plpgsql as $$ begin raise exception 'insert refused by the test'; end $$`);
    await t.db.execute(sql`create trigger smm_test_refuse_insert before insert on production_metrics for each statement execute function smm_test_refuse_insert()`);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const failed = await post(5);
      expect(failed.status).toBe(500);
    } finally {
      errors.mockRestore();
      await t.db.execute(sql`drop trigger smm_test_refuse_insert on production_metrics`);
      await t.db.execute(sql`drop function smm_test_refuse_insert()`);
    }
    expect(await used()).toBe(2);

    // The client resends the batch: stored and charged once.
    expect((await post(5)).status).toBe(202);
    expect(await used()).toBe(7);
  });

  it('POST /api/v1/events charges each event of the batch', async () => {
    const created = await createApiKey(t.db, { name: 'events', scopes: ['events:write'], expiresInDays: null }, system, NOW);
    await setQuota(t.db, created.id, 5, system, NOW);
    const event = (id: string) => ({ id, name: 'signup', user_id: 'u1', occurred_at: '2026-05-31T23:00:00Z' });
    const post = (ids: string[]) => call(createEventsHandler(deps()), '/api/v1/events', created.key, { events: ids.map(event) });

    const ok = await post(['a', 'b', 'c']);
    expect(ok.status).toBe(202);
    expect(ok.headers.get('ratelimit')).toContain('"quota";r=2;');
    const before = await count(analyticsEvents);
    const over = await post(['d', 'e', 'f']);
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ error: 'quota_exceeded', quota: { unit: 'events', limit: 5, used: 3, remaining: 2, requested: 3 } });
    expect(await count(analyticsEvents)).toBe(before);
    expect((await post(['d', 'e'])).status).toBe(202);
  });
});
