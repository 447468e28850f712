import { asc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { createFirstAdmin } from '../users/setup';
import { createUser } from '../users/create-user';
import { authenticate } from './authenticate';

const request = { ip: '203.0.113.7', userAgent: 'vitest', requestId: 'req-1' };
const anonymous = { actor: { type: 'anonymous' as const }, request };
const PASSWORD = 'correct horse battery';

describe('authenticate', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
    await createFirstAdmin(t.db, { name: 'Ada', email: 'ada@example.com', password: PASSWORD, passwordConfirm: PASSWORD }, anonymous);
  });
  afterEach(async () => t.close());

  const actions = async () => (await t.db.select().from(auditLog).orderBy(asc(auditLog.id))).map((e) => `${e.action}:${e.outcome}`);

  it('signs in with the right password, case-insensitively by email, and audits it', async () => {
    const result = await authenticate(t.db, { email: 'ADA@example.com', password: PASSWORD }, request);
    expect(result).toMatchObject({ ok: true, user: { email: 'ada@example.com' } });
    expect(await actions()).toContain('auth.sign_in:success');
  });

  it('refuses a wrong password and an unknown email alike, auditing both', async () => {
    expect(await authenticate(t.db, { email: 'ada@example.com', password: 'wrong password!!' }, request)).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticate(t.db, { email: 'nobody@example.com', password: PASSWORD }, request)).toEqual({ ok: false, reason: 'invalid' });
    expect((await actions()).filter((a) => a === 'auth.sign_in_failed:failed')).toHaveLength(2);
  });

  it('locks an account after 5 failures in 15 minutes, for 15 minutes, even with the right password', async () => {
    const start = new Date('2026-11-26T10:00:00Z');
    for (let i = 0; i < 5; i++) {
      const at = new Date(start.getTime() + i * 60_000);
      const result = await authenticate(t.db, { email: 'ada@example.com', password: 'wrong password!!' }, { ...request, ip: `198.51.100.${i}` }, at);
      expect(result.ok).toBe(false);
    }
    const fifth = new Date(start.getTime() + 4 * 60_000);
    const during = await authenticate(t.db, { email: 'ada@example.com', password: PASSWORD }, { ...request, ip: '198.51.100.99' }, new Date(fifth.getTime() + 14 * 60_000));
    expect(during).toEqual({ ok: false, reason: 'locked', until: new Date(fifth.getTime() + 15 * 60_000) });
    const after = await authenticate(t.db, { email: 'ada@example.com', password: PASSWORD }, request, new Date(fifth.getTime() + 15 * 60_000 + 1));
    expect(after.ok).toBe(true);
    const log = await actions();
    expect(log.filter((a) => a === 'auth.locked_out:denied')).toHaveLength(1);
    expect(log).toContain('auth.sign_in_failed:denied');
  });

  it('locks an IP after 5 failures across different accounts', async () => {
    await createUser(t.db, { name: 'Bo', email: 'bo@example.com', password: PASSWORD, role: 'viewer' }, anonymous);
    const now = new Date('2026-11-26T10:00:00Z');
    for (let i = 0; i < 5; i++) {
      await authenticate(t.db, { email: `guess${i}@example.com`, password: 'whatever whatever' }, request, now);
    }
    const result = await authenticate(t.db, { email: 'bo@example.com', password: PASSWORD }, request, new Date(now.getTime() + 60_000));
    expect(result).toMatchObject({ ok: false, reason: 'locked' });
    const otherIp = await authenticate(t.db, { email: 'bo@example.com', password: PASSWORD }, { ...request, ip: '192.0.2.1' }, new Date(now.getTime() + 60_000));
    expect(otherIp.ok).toBe(true);
  });

  it('forgets failures spread wider than the window', async () => {
    const start = new Date('2026-11-26T10:00:00Z');
    for (let i = 0; i < 6; i++) {
      await authenticate(t.db, { email: 'ada@example.com', password: 'wrong password!!' }, request, new Date(start.getTime() + i * 4 * 60_000));
    }
    const result = await authenticate(t.db, { email: 'ada@example.com', password: PASSWORD }, request, new Date(start.getTime() + 24 * 60_000));
    expect(result.ok).toBe(true);
  });
});
