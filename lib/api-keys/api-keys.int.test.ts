import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys, auditLog } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import type { MutationContext } from '../audit/context';
import { ServiceError } from '../errors/service-error';
import { createFirstAdmin } from '../users/setup';
import { createApiKey } from './create';
import { auditApiKeyDenial, DenialLimiter } from './denial-audit';
import { listApiKeys } from './queries';
import { revokeApiKey } from './revoke';
import { createApiKeySchema } from './schemas';
import { hashApiKey } from './token';
import { verifyApiKey } from './verify';

const T0 = new Date('2026-05-01T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('API keys', () => {
  let t: TestDb;
  let admin: MutationContext;
  beforeAll(async () => {
    t = await createTestDb();
    const user = await createFirstAdmin(
      t.db,
      { name: 'Ada', email: 'ada@example.com', password: 'long enough password', passwordConfirm: 'long enough password' },
      { actor: { type: 'anonymous' }, request: {} },
    );
    admin = { actor: { type: 'user', id: user.id, role: 'admin', email: 'ada@example.com' }, request: { requestId: 'req-1', ip: '10.0.0.1' } };
  });
  afterAll(async () => t.close());

  const input = (name: string, expiresInDays: number | null = null) => ({ name, scopes: ['metrics:write' as const], expiresInDays });

  it('creates a 256-bit key shown once, stores only its hash, and audits without secrets', async () => {
    const created = await createApiKey(t.db, input('Billing service'), admin, T0);
    expect(created.key).toMatch(/^smm_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(created.key.split('_').slice(2).join('_'), 'base64url')).toHaveLength(32);
    expect(created.key.startsWith(`smm_${created.prefix}_`)).toBe(true);

    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row).toMatchObject({ name: 'Billing service', prefix: created.prefix, scopes: ['metrics:write'], lastUsedAt: null, revokedAt: null });
    expect(row!.secretHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key.split('_').at(-1));

    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'api_key.create'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorType: 'user', targetType: 'api_key', targetId: created.id, requestId: 'req-1' });
    expect(entries[0]!.after).toMatchObject({ name: 'Billing service', prefix: created.prefix, scopes: ['metrics:write'] });
    const text = JSON.stringify(entries[0]);
    expect(text).not.toContain(created.key);
    expect(text).not.toContain(created.key.slice(-43));
    expect(text).not.toContain(row!.secretHash);

    const listed = await listApiKeys(t.db, T0);
    expect(listed.find((k) => k.id === created.id)).toMatchObject({ status: 'active', prefix: created.prefix });
    expect(JSON.stringify(listed)).not.toContain(row!.secretHash);
  });

  it('verifies the key, its scope, and refuses missing, malformed, unknown and tampered keys', async () => {
    const created = await createApiKey(t.db, input('Verify me'), admin, T0);
    const ok = await verifyApiKey(t.db, `Bearer ${created.key}`, 'metrics:write', T0);
    expect(ok).toMatchObject({ ok: true, key: { id: created.id, prefix: created.prefix } });
    expect(await verifyApiKey(t.db, `bearer   ${created.key}  `, 'metrics:write', T0)).toMatchObject({ ok: true });

    expect(await verifyApiKey(t.db, null, 'metrics:write', T0)).toEqual({ ok: false, reason: 'missing' });
    expect(await verifyApiKey(t.db, `Basic ${created.key}`, 'metrics:write', T0)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifyApiKey(t.db, 'Bearer not-a-key', 'metrics:write', T0)).toEqual({ ok: false, reason: 'malformed' });
    const last = created.key.at(-1) === 'A' ? 'B' : 'A';
    const tampered = `${created.key.slice(0, -1)}${last}`;
    expect(await verifyApiKey(t.db, `Bearer ${tampered}`, 'metrics:write', T0)).toEqual({ ok: false, reason: 'unknown', prefix: created.prefix });
  });

  it('refuses a key without the scope', async () => {
    const created = await createApiKey(t.db, input('Scoped'), admin, T0);
    await t.db.update(apiKeys).set({ scopes: ['events:write'] }).where(eq(apiKeys.id, created.id));
    expect(await verifyApiKey(t.db, `Bearer ${created.key}`, 'metrics:write', T0)).toMatchObject({
      ok: false,
      reason: 'insufficient_scope',
      keyId: created.id,
    });
  });

  it('updates last-used at most once a minute', async () => {
    const created = await createApiKey(t.db, input('Busy'), admin, T0);
    const lastUsed = async () => (await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id)))[0]!.lastUsedAt;
    await verifyApiKey(t.db, `Bearer ${created.key}`, 'metrics:write', at(1_000));
    expect(await lastUsed()).toEqual(at(1_000));
    await verifyApiKey(t.db, `Bearer ${created.key}`, 'metrics:write', at(30_000));
    await verifyApiKey(t.db, `Bearer ${created.key}`, 'metrics:write', at(60_999));
    expect(await lastUsed()).toEqual(at(1_000));
    await verifyApiKey(t.db, `Bearer ${created.key}`, 'metrics:write', at(61_001));
    expect(await lastUsed()).toEqual(at(61_001));
  });

  it('expires a key at its expiry time', async () => {
    const created = await createApiKey(t.db, input('Short-lived', 30), admin, T0);
    const day = 24 * 60 * 60 * 1000;
    expect(await verifyApiKey(t.db, `Bearer ${created.key}`, 'metrics:write', at(30 * day - 1))).toMatchObject({ ok: true });
    expect(await verifyApiKey(t.db, `Bearer ${created.key}`, 'metrics:write', at(30 * day))).toMatchObject({ ok: false, reason: 'expired' });
    expect((await listApiKeys(t.db, at(30 * day))).find((k) => k.id === created.id)?.status).toBe('expired');
  });

  it('revokes a key at once, audits it, and refuses a second revocation', async () => {
    const created = await createApiKey(t.db, input('Leaked'), admin, T0);
    await revokeApiKey(t.db, created.id, admin, at(5_000));
    expect(await verifyApiKey(t.db, `Bearer ${created.key}`, 'metrics:write', at(6_000))).toMatchObject({ ok: false, reason: 'revoked', keyId: created.id });
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'api_key.revoke'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ targetId: created.id, before: { revokedAt: null }, after: { revokedAt: at(5_000).toISOString(), prefix: created.prefix } });
    await expect(revokeApiKey(t.db, created.id, admin)).rejects.toMatchObject({ kind: 'conflict', messageKey: 'apiKeyAlreadyRevoked' });
    await expect(revokeApiKey(t.db, '00000000-0000-4000-8000-000000000000', admin)).rejects.toBeInstanceOf(ServiceError);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'api_key.revoke'))).toHaveLength(1);
  });

  it('audits refusals at most once per prefix and reason per minute, and caps the total', async () => {
    const limiter = new DenialLimiter(60_000, 3);
    const denial = { reason: 'unknown' as const, prefix: 'aaaaaaaaaaaa', route: 'POST /api/v1/metrics', scope: 'metrics:write' };
    const results = [];
    for (let i = 0; i < 50; i++) results.push(await auditApiKeyDenial(t.db, { ip: '203.0.113.9' }, denial, { now: at(i * 100), limiter }));
    expect(results.filter(Boolean)).toHaveLength(1);
    // Another reason for the same prefix is its own subject; random prefixes hit the cap.
    expect(await auditApiKeyDenial(t.db, {}, { ...denial, reason: 'revoked' }, { now: at(6_000), limiter })).toBe(true);
    for (let i = 0; i < 20; i++) await auditApiKeyDenial(t.db, {}, { ...denial, prefix: `p${i}` }, { now: at(7_000 + i), limiter });
    // A minute later the first subject is recorded again, with the count of what was left out.
    expect(await auditApiKeyDenial(t.db, {}, denial, { now: at(60_000), limiter })).toBe(true);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'api_key.denied')).orderBy(auditLog.id);
    expect(entries).toHaveLength(4);
    expect(entries.every((e) => e.outcome === 'denied')).toBe(true);
    expect(entries[0]!.after).toMatchObject({ reason: 'unknown', prefix: 'aaaaaaaaaaaa', route: 'POST /api/v1/metrics', suppressedSinceLast: 0 });
    expect(entries[1]!.after).toMatchObject({ reason: 'revoked', suppressedSinceLast: 49 });
    expect(entries[2]!.after).toMatchObject({ prefix: 'p0' });
    expect(entries.at(-1)!.after).toMatchObject({ reason: 'unknown', prefix: 'aaaaaaaaaaaa', suppressedSinceLast: 19 });
  });

  it('parses the create form: name, expiry and at least one scope checkbox', () => {
    expect(createApiKeySchema.parse({ name: ' CI ', 'scope:metrics:write': 'on', expiresInDays: '90' })).toEqual({
      name: 'CI',
      scopes: ['metrics:write'],
      expiresInDays: 90,
    });
    const refused = createApiKeySchema.safeParse({ name: '', 'scope:admin:all': 'on' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual(expect.arrayContaining([['name', 'required']]));
    const noScope = createApiKeySchema.safeParse({ name: 'x' });
    expect(noScope.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['scopes', 'apiKeyScopesRequired']]);
  });
});
