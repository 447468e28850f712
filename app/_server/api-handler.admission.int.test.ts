import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionMetrics } from '@/db/schema';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { createApiKey } from '@/lib/api-keys/create';
import { Admission } from '@/lib/http/admission';
import { apiHandler } from './api-handler';

describe('apiHandler: load shedding', () => {
  let t: TestDb;
  let key: string;
  beforeAll(async () => {
    t = await createTestDb();
    key = (await createApiKey(t.db, { name: 'shed', scopes: ['metrics:write'], expiresInDays: null }, { actor: { type: 'system', id: 'test' }, request: {} })).key;
  });
  afterAll(async () => t.close());

  it('refuses a request past the in-flight bound at once with 503 and Retry-After, stores nothing for it, and admits again after', async () => {
    const admission = new Admission(2);
    const gates: Array<() => void> = [];
    const handler = apiHandler({ name: 'POST /api/v1/metrics', scope: 'metrics:write', getDb: async () => t.db, trustProxyHops: 0, admission }, async (_request, { db }) => {
      await new Promise<void>((resolve) => gates.push(resolve));
      await db.insert(productionMetrics).values({ metricType: 'queue_depth', metricValue: 1, recordedAt: new Date() });
      return Response.json({ accepted: 1 }, { status: 202 });
    });
    const call = () => handler(new Request('http://localhost/api/v1/metrics', { method: 'POST', headers: { authorization: `Bearer ${key}` } }), undefined);

    const first = call();
    const second = call();
    await expect.poll(() => gates.length).toBe(2);
    const shed = await call();
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(await shed.json()).toMatchObject({ error: 'overloaded', requestId: expect.any(String) });

    gates.splice(0).forEach((open) => open());
    expect((await Promise.all([first, second])).map((response) => response.status)).toEqual([202, 202]);
    expect(admission.current).toBe(0);
    const third = call();
    await expect.poll(() => gates.length).toBe(1);
    gates.splice(0).forEach((open) => open());
    expect((await third).status).toBe(202);
    // Only the admitted requests stored anything.
    expect(await t.db.$count(productionMetrics)).toBe(3);
  });
});
