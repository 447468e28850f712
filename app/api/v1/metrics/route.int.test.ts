import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiKeys, auditLog, productionMetrics } from '@/db/schema';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { createApiKey } from '@/lib/api-keys/create';
import { revokeApiKey } from '@/lib/api-keys/revoke';
import { createIngestHandler } from './handler';

const NOW = new Date('2026-05-01T10:00:00.000Z');
const system = { actor: { type: 'system' as const, id: 'test' }, request: {} };

interface ErrorBody {
  error: string;
  message: string;
  requestId: string;
  issues?: Array<{ path: string; message: string }>;
}

describe('POST /api/v1/metrics', () => {
  let t: TestDb;
  let key: string;
  let post: (body: unknown, init?: { headers?: Record<string, string>; raw?: boolean }) => Promise<Response>;

  const count = async () => Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(productionMetrics))[0]!.n);

  beforeAll(async () => {
    t = await createTestDb();
    key = (await createApiKey(t.db, { name: 'tests', scopes: ['metrics:write'], expiresInDays: null }, system, NOW)).key;
    const handler = createIngestHandler({ getDb: async () => t.db, now: () => NOW, trustProxyHops: 0 });
    post = (body, init = {}) =>
      handler(
        new Request('http://localhost/api/v1/metrics', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...init.headers },
          body: init.raw ? (body as string) : JSON.stringify(body),
        }),
        undefined,
      );
  });
  afterAll(async () => t.close());

  const point = (i: number) => ({
    metric_type: 'checkout.latency',
    value: i + 0.5,
    endpoint: 'GET /checkout',
    recorded_at: new Date(NOW.getTime() - i * 1000).toISOString(),
    metadata: { region: 'eu', i },
  });

  it('accepts a batch of 1,000 points in one go and stores them as sent', async () => {
    const before = await count();
    const response = await post({ points: Array.from({ length: 1000 }, (_, i) => point(i)) });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1000 });
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect((await count()) - before).toBe(1000);
    const [stored] = await t.db.select().from(productionMetrics).where(sql`${productionMetrics.metadata}->>'i' = '7'`);
    expect(stored).toMatchObject({ metricType: 'checkout.latency', metricValue: 7.5, endpoint: 'GET /checkout', metadata: { region: 'eu', i: 7 } });
    expect(stored!.recordedAt).toEqual(new Date(NOW.getTime() - 7000));
  });

  it('defaults recorded_at to now and stores absent endpoint and metadata as null', async () => {
    const response = await post({ points: [{ metric_type: 'queue_depth', value: 12 }] });
    expect(response.status).toBe(202);
    const [row] = await t.db.select().from(productionMetrics).where(eq(productionMetrics.metricType, 'queue_depth'));
    expect(row).toMatchObject({ metricValue: 12, endpoint: null, metadata: null });
    expect(row!.recordedAt).toEqual(NOW);
  });

  it('updates the key\'s last-used time', async () => {
    const [row] = await t.db.select().from(apiKeys);
    expect(row!.lastUsedAt).toEqual(NOW);
  });

  // Each bad batch: its status, error code, and the fields (with index) it must name.
  const badBatches: Array<{ name: string; send: () => Promise<Response>; status: number; error: string; paths?: string[] }> = [
    { name: 'not JSON', send: () => post('{"points": [', { raw: true }), status: 400, error: 'invalid_json' },
    { name: 'wrong content type', send: () => post({ points: [point(0)] }, { headers: { 'content-type': 'text/plain' } }), status: 400, error: 'unsupported_content_type' },
    { name: 'body over 1 MB', send: () => post({ points: [{ ...point(0), metadata: { pad: 'x'.repeat(1_100_000) } }] }), status: 400, error: 'body_too_large' },
    { name: 'body is an array', send: () => post([point(0)]), status: 422, error: 'validation_failed', paths: ['body'] },
    { name: 'points missing', send: () => post({ metrics: [point(0)] }), status: 422, error: 'validation_failed', paths: ['points', 'metrics'] },
    { name: 'points not an array', send: () => post({ points: point(0) }), status: 422, error: 'validation_failed', paths: ['points'] },
    { name: 'points empty', send: () => post({ points: [] }), status: 422, error: 'validation_failed', paths: ['points'] },
    { name: '1,001 points', send: () => post({ points: Array.from({ length: 1001 }, (_, i) => point(i % 100)) }), status: 422, error: 'validation_failed', paths: ['points'] },
    {
      name: 'bad metric_type',
      send: () => post({ points: [point(0), { ...point(1), metric_type: 'CPU Usage' }, { ...point(2), metric_type: 'x'.repeat(65) }] }),
      status: 422,
      error: 'validation_failed',
      paths: ['points[1].metric_type', 'points[2].metric_type'],
    },
    {
      name: 'non-finite or non-numeric value',
      send: () => post('{"points":[{"metric_type":"a","value":1e999},{"metric_type":"a","value":"NaN"},{"metric_type":"a"}]}', { raw: true }),
      status: 422,
      error: 'validation_failed',
      paths: ['points[0].value', 'points[1].value', 'points[2].value'],
    },
    {
      name: 'recorded_at in the future or too old',
      send: () =>
        post({
          points: [
            { ...point(0), recorded_at: new Date(NOW.getTime() + 4 * 60_000).toISOString() },
            { ...point(1), recorded_at: new Date(NOW.getTime() + 6 * 60_000).toISOString() },
            { ...point(2), recorded_at: new Date(NOW.getTime() - 8 * 24 * 3600_000).toISOString() },
          ],
        }),
      status: 422,
      error: 'validation_failed',
      paths: ['points[1].recorded_at', 'points[2].recorded_at'],
    },
    {
      name: 'recorded_at not ISO 8601 with an offset',
      send: () => post({ points: [{ ...point(0), recorded_at: '2026-05-01 10:00:00' }, { ...point(1), recorded_at: '2026-05-01T09:00:00' }, { ...point(2), recorded_at: 1714557600 }] }),
      status: 422,
      error: 'validation_failed',
      paths: ['points[0].recorded_at', 'points[1].recorded_at', 'points[2].recorded_at'],
    },
    {
      name: 'metadata not an object or too large',
      send: () => post({ points: [{ ...point(0), metadata: [1, 2] }, { ...point(1), metadata: 'x' }, { ...point(2), metadata: { blob: 'y'.repeat(5000) } }] }),
      status: 422,
      error: 'validation_failed',
      paths: ['points[0].metadata', 'points[1].metadata', 'points[2].metadata'],
    },
    {
      name: 'endpoint too long or not a string, and an unknown field',
      send: () => post({ points: [{ ...point(0), endpoint: 'e'.repeat(201) }, { ...point(1), endpoint: 42 }, { ...point(2), recordedAt: 'typo' }] }),
      status: 422,
      error: 'validation_failed',
      paths: ['points[0].endpoint', 'points[1].endpoint', 'points[2].recordedAt'],
    },
    { name: 'missing bearer', send: () => post({ points: [point(0)] }, { headers: { authorization: '' } }), status: 401, error: 'missing_api_key' },
    { name: 'invalid key', send: () => post({ points: [point(0)] }, { headers: { authorization: `Bearer smm_000000000000_${'A'.repeat(43)}` } }), status: 401, error: 'invalid_api_key' },
  ];

  for (const bad of badBatches) {
    it(`refuses a batch with ${bad.name} (${bad.status}), naming each bad field, and stores nothing`, async () => {
      const before = await count();
      const response = await bad.send();
      expect(response.status).toBe(bad.status);
      const body = (await response.json()) as ErrorBody;
      expect(body.error).toBe(bad.error);
      expect(body.message).toBeTruthy();
      expect(body.requestId).toBe(response.headers.get('x-request-id'));
      if (bad.paths) expect(body.issues?.map((i) => i.path).sort()).toEqual([...bad.paths].sort());
      for (const issue of body.issues ?? []) expect(issue.message.length).toBeGreaterThan(3);
      expect(await count()).toBe(before);
    });
  }

  it('lists every bad field of a large batch, not just the first', async () => {
    const points = Array.from({ length: 500 }, (_, i) => (i % 50 === 7 ? { ...point(i), value: null } : point(i)));
    const response = await post({ points });
    expect(response.status).toBe(422);
    const body = (await response.json()) as ErrorBody;
    expect(body.issues!.map((i) => i.path)).toEqual(Array.from({ length: 10 }, (_, k) => `points[${k * 50 + 7}].value`));
  });

  it('refuses a key without metrics:write and a revoked key with 403, audited once per minute', async () => {
    const scoped = await createApiKey(t.db, { name: 'other', scopes: ['metrics:write'], expiresInDays: null }, system, NOW);
    await t.db.update(apiKeys).set({ scopes: [] }).where(eq(apiKeys.id, scoped.id));
    const before = await count();
    const wrongScope = await post({ points: [point(0)] }, { headers: { authorization: `Bearer ${scoped.key}` } });
    expect(wrongScope.status).toBe(403);
    expect(((await wrongScope.json()) as ErrorBody).error).toBe('insufficient_scope');
    expect(wrongScope.headers.get('www-authenticate')).toContain('insufficient_scope');

    await revokeApiKey(t.db, scoped.id, system, NOW);
    for (let i = 0; i < 5; i++) {
      const revoked = await post({ points: [point(0)] }, { headers: { authorization: `Bearer ${scoped.key}` } });
      expect(revoked.status).toBe(403);
      expect(((await revoked.json()) as ErrorBody).error).toBe('api_key_revoked');
    }
    expect(await count()).toBe(before);
    const denied = await t.db.select().from(auditLog).where(eq(auditLog.targetId, scoped.id));
    const reasons = denied.filter((e) => e.action === 'api_key.denied').map((e) => (e.after as { reason: string }).reason);
    expect(reasons).toEqual(['insufficient_scope', 'revoked']);
    expect(denied.find((e) => e.action === 'api_key.denied')).toMatchObject({ actorType: 'api_key', actorId: scoped.id, outcome: 'denied' });
  });

  it('hides an unexpected error behind a 500 with the request id, and logs the details', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = createIngestHandler({ getDb: async () => { throw new Error('connection string with secret=hunter2'); }, trustProxyHops: 0 });
    const response = await broken(
      new Request('http://localhost/api/v1/metrics', { method: 'POST', headers: { 'x-request-id': 'req-abcdef12' }, body: '{}' }),
      undefined,
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: 'internal_error', requestId: 'req-abcdef12' });
    expect(text).not.toContain('hunter2');
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('req-abcdef12'), expect.stringContaining('hunter2'));
    errors.mockRestore();
  });

  it('answers 499 without logging a failure when the client hangs up while its body is read, and stores nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const before = await count();
    const hangUp = new AbortController();
    // A body that fails the way Node's does when the socket closes mid-request.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"points": ['));
        hangUp.abort();
        controller.error(new Error('aborted'));
      },
    });
    const handler = createIngestHandler({ getDb: async () => t.db, now: () => NOW, trustProxyHops: 0 });
    const response = await handler(
      new Request('http://localhost/api/v1/metrics', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-request-id': 'req-hangup01' },
        body,
        signal: hangUp.signal,
        duplex: 'half',
      } as RequestInit),
      undefined,
    );
    expect(response.status).toBe(499);
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).toHaveBeenCalledWith(expect.stringContaining('req-hangup01'));
    expect(await count()).toBe(before);
    errors.mockRestore();
    warnings.mockRestore();
  });
});
