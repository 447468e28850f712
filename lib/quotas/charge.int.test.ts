import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionMetrics } from '@/db/schema';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { createApiKey } from '../api-keys/create';
import { setQuota } from '../rate-limit/overrides';
import { chargeQuota } from './charge';
import { listQuotaUsage } from './queries';

const system = { actor: { type: 'system' as const, id: 'test' }, request: {} };
const MAY = new Date('2026-05-15T12:00:00.000Z');

describe('monthly quota per API key', () => {
  let t: TestDb;
  let keyId: string;

  beforeAll(async () => {
    t = await createTestDb();
    keyId = (await createApiKey(t.db, { name: 'q', scopes: ['metrics:write'], expiresInDays: null }, system, MAY)).id;
    await setQuota(t.db, keyId, 10, system, MAY);
  });
  afterAll(async () => t.close());

  it('warns once at 80% with a quota_usage_ratio point, refuses past the limit, resets next month', async () => {
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await chargeQuota(t.db, keyId, 1, MAY));
    expect(results.map((r) => r.allowed)).toEqual([...Array(10).fill(true), false, false]);
    expect(results.map((r) => r.warned)).toEqual([...Array(7).fill(false), true, ...Array(4).fill(false)]);
    expect(results[11]).toMatchObject({ used: 10, limit: 10 });
    const points = await t.db.select().from(productionMetrics).where(eq(productionMetrics.metricType, 'quota_usage_ratio'));
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ endpoint: `api_key:${keyId}`, metricValue: 0.8 });
    expect((await listQuotaUsage(t.db, MAY)).find((r) => r.apiKeyId === keyId)).toMatchObject({ used: 10, limit: 10, ratio: 1, ownLimit: true });

    const june = new Date('2026-06-01T00:00:00.000Z');
    expect(await chargeQuota(t.db, keyId, 1, june)).toMatchObject({ allowed: true, used: 1 });
    expect((await listQuotaUsage(t.db, june)).find((r) => r.apiKeyId === keyId)).toMatchObject({ used: 1 });
  });

  it('never lets concurrent charges pass the limit', async () => {
    const other = (await createApiKey(t.db, { name: 'race', scopes: ['metrics:write'], expiresInDays: null }, system, MAY)).id;
    await setQuota(t.db, other, 5, system, MAY);
    const results = await Promise.all(Array.from({ length: 20 }, () => chargeQuota(t.db, other, 1, MAY)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });
});
