import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsEvents } from '@/db/schema';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { createApiKey } from '@/lib/api-keys/create';
import { createEventsHandler } from './handler';

const NOW = new Date('2026-05-01T10:00:00.000Z');
const system = { actor: { type: 'system' as const, id: 'test' }, request: {} };

interface ErrorBody {
  error: string;
  issues?: Array<{ path: string; message: string }>;
}

describe('POST /api/v1/events', () => {
  let t: TestDb;
  let post: (body: unknown, init?: { key?: string; raw?: boolean; headers?: Record<string, string> }) => Promise<Response>;
  let eventsKey: string;
  let metricsKey: string;
  const count = async () => Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(analyticsEvents))[0]!.n);

  beforeAll(async () => {
    t = await createTestDb();
    eventsKey = (await createApiKey(t.db, { name: 'events', scopes: ['events:write'], expiresInDays: null }, system, NOW)).key;
    metricsKey = (await createApiKey(t.db, { name: 'metrics', scopes: ['metrics:write'], expiresInDays: null }, system, NOW)).key;
    const handler = createEventsHandler({ getDb: async () => t.db, now: () => NOW, trustProxyHops: 0 });
    post = (body, init = {}) =>
      handler(
        new Request('http://localhost/api/v1/events', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${init.key ?? eventsKey}`, ...init.headers },
          body: init.raw ? (body as string) : JSON.stringify(body),
        }),
        undefined,
      );
  });
  afterAll(async () => t.close());

  const at = '2026-05-01T09:00:00Z';
  const payment = (id: string) => ({ id, name: 'payment_succeeded', user_id: 'u1', occurred_at: at, properties: { amount_minor: 1999, currency: 'EUR' } });

  it('stores a batch of every known event and a custom one, with properties as sent', async () => {
    const events = [
      { id: 'e1', name: 'signup', user_id: 'u1', occurred_at: at },
      { id: 'e2', name: 'session_start', user_id: 'u1', occurred_at: at, properties: { device: 'ios' } },
      { id: 'e3', name: 'page_view', user_id: 'u1', occurred_at: at, properties: { path: '/home' } },
      { id: 'e4', name: 'plugin_installed', user_id: 'u1', occurred_at: at, properties: { plugin_id: 'git' } },
      { id: 'e5', name: 'subscription_started', user_id: 'u1', occurred_at: at, properties: { plan: 'pro', mrr_minor: 2900, currency: 'USD' } },
      payment('e6'),
      { id: 'e7', name: 'ai_request', user_id: 'u1', occurred_at: at, properties: { model: 'm1', prompt_tokens: 10, completion_tokens: 5, latency_ms: 120, cache_hit: false, outcome: 'success' } },
      { id: 'e8', name: 'ai_feedback', user_id: 'u1', occurred_at: at, properties: { request_id: 'e7', rating: 5, correct: true } },
      { id: 'e9', name: 'clicked_banner', user_id: 'u1', occurred_at: '2026-05-01T11:00:00+02:00', properties: { anything: [1, 2] } },
    ];
    const response = await post({ events });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 9, stored: 9 });
    const [custom] = await t.db.select().from(analyticsEvents).where(sql`${analyticsEvents.id} = 'e9'`);
    expect(custom).toMatchObject({ name: 'clicked_banner', userId: 'u1', properties: { anything: [1, 2] } });
    expect(custom!.occurredAt).toEqual(new Date('2026-05-01T09:00:00Z'));
    expect(custom!.receivedAt).toEqual(NOW);
  });

  it('is idempotent: the same batch twice counts once, and a repeated id inside a batch is stored once', async () => {
    const before = await count();
    const batch = { events: [payment('p1'), payment('p2'), payment('p2')] };
    expect(await (await post(batch)).json()).toEqual({ accepted: 3, stored: 2 });
    expect(await (await post(batch)).json()).toEqual({ accepted: 3, stored: 0 });
    expect((await count()) - before).toBe(2);
  });

  it('takes 1,000 events in one batch', async () => {
    const response = await post({ events: Array.from({ length: 1000 }, (_, i) => payment(`bulk-${i}`)) });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1000, stored: 1000 });
  });

  const ok = payment('fine-1');
  const badBatches: Array<{ name: string; send: () => Promise<Response>; status: number; error: string; paths?: string[] }> = [
    { name: 'not JSON', send: () => post('{"events": [', { raw: true }), status: 400, error: 'invalid_json' },
    { name: 'a key without events:write', send: () => post({ events: [ok] }, { key: metricsKey }), status: 403, error: 'insufficient_scope' },
    { name: 'events missing or empty', send: () => post({ event: [ok] }), status: 422, error: 'validation_failed', paths: ['events', 'event'] },
    { name: '1,001 events', send: () => post({ events: Array.from({ length: 1001 }, (_, i) => payment(`x${i}`)) }), status: 422, error: 'validation_failed', paths: ['events'] },
    {
      name: 'bad or missing ids',
      send: () => post({ events: [ok, { ...payment('has space'), id: 'has space' }, { ...payment(''), id: 'x'.repeat(65) }, { name: 'signup', user_id: 'u', occurred_at: at }] }),
      status: 422,
      error: 'validation_failed',
      paths: ['events[1].id', 'events[2].id', 'events[3].id'],
    },
    {
      name: 'bad names and user ids',
      send: () => post({ events: [{ ...payment('n1'), name: 'Payment Succeeded' }, { ...payment('n2'), user_id: '' }, { ...payment('n3'), user_id: 7 }] }),
      status: 422,
      error: 'validation_failed',
      paths: ['events[0].name', 'events[1].user_id', 'events[2].user_id'],
    },
    {
      name: 'occurred_at missing, without offset, in the future or too old',
      send: () =>
        post({
          events: [
            { id: 'o1', name: 'signup', user_id: 'u' },
            { id: 'o2', name: 'signup', user_id: 'u', occurred_at: '2026-05-01T09:00:00' },
            { id: 'o3', name: 'signup', user_id: 'u', occurred_at: '2026-05-01T10:06:00Z' },
            { id: 'o4', name: 'signup', user_id: 'u', occurred_at: '2025-01-01T00:00:00Z' },
          ],
        }),
      status: 422,
      error: 'validation_failed',
      paths: ['events[0].occurred_at', 'events[1].occurred_at', 'events[2].occurred_at', 'events[3].occurred_at'],
    },
    {
      name: 'bad currencies and minor units on payments',
      send: () =>
        post({
          events: [
            { ...payment('c1'), properties: { amount_minor: 19.99, currency: 'EUR' } },
            { ...payment('c2'), properties: { amount_minor: 1999, currency: 'EURO' } },
            { ...payment('c3'), properties: { amount_minor: 0, currency: 'eur' } },
          ],
        }),
      status: 422,
      error: 'validation_failed',
      paths: ['events[0].properties.amount_minor', 'events[1].properties.currency', 'events[2].properties.amount_minor', 'events[2].properties.currency'],
    },
    {
      name: 'subscription and plugin events without their properties',
      send: () =>
        post({
          events: [
            { id: 's1', name: 'subscription_started', user_id: 'u', occurred_at: at, properties: { plan: 'pro', currency: 'USD' } },
            { id: 's2', name: 'subscription_cancelled', user_id: 'u', occurred_at: at },
            { id: 's3', name: 'plugin_used', user_id: 'u', occurred_at: at, properties: { plugin: 'git' } },
          ],
        }),
      status: 422,
      error: 'validation_failed',
      paths: ['events[0].properties.mrr_minor', 'events[1].properties.plan', 'events[1].properties.currency', 'events[2].properties.plugin_id'],
    },
    {
      name: 'bad AI request and feedback properties',
      send: () =>
        post({
          events: [
            { id: 'a1', name: 'ai_request', user_id: 'u', occurred_at: at, properties: { model: 'm', prompt_tokens: -1, completion_tokens: 1.5, latency_ms: 'fast', cache_hit: 'no', outcome: 'ok' } },
            { id: 'a2', name: 'ai_feedback', user_id: 'u', occurred_at: at, properties: { request_id: 'a1', rating: 6, correct: 'yes' } },
          ],
        }),
      status: 422,
      error: 'validation_failed',
      paths: [
        'events[0].properties.prompt_tokens',
        'events[0].properties.completion_tokens',
        'events[0].properties.latency_ms',
        'events[0].properties.cache_hit',
        'events[0].properties.outcome',
        'events[1].properties.rating',
        'events[1].properties.correct',
      ],
    },
    {
      name: 'properties not an object or too large, and an unknown field',
      send: () =>
        post({
          events: [
            { id: 'q1', name: 'custom_thing', user_id: 'u', occurred_at: at, properties: [1] },
            { id: 'q2', name: 'custom_thing', user_id: 'u', occurred_at: at, properties: { blob: 'y'.repeat(5000) } },
            { id: 'q3', name: 'custom_thing', user_id: 'u', occurred_at: at, userId: 'typo' },
          ],
        }),
      status: 422,
      error: 'validation_failed',
      paths: ['events[0].properties', 'events[1].properties', 'events[2].userId'],
    },
  ];

  for (const bad of badBatches) {
    it(`refuses a batch with ${bad.name} (${bad.status}), naming each bad field, and stores nothing`, async () => {
      const before = await count();
      const response = await bad.send();
      expect(response.status).toBe(bad.status);
      const body = (await response.json()) as ErrorBody;
      expect(body.error).toBe(bad.error);
      if (bad.paths) expect(body.issues?.map((i) => i.path).sort()).toEqual([...bad.paths].sort());
      expect(await count()).toBe(before);
    });
  }
});
