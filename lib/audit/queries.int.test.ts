import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { createFirstAdmin } from '../users/setup';
import { listAuditEntries } from './queries';
import { recordAudit } from './record';

describe('listAuditEntries', () => {
  let t: TestDb;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestDb();
    const request = { ip: '127.0.0.1' };
    const admin = await createFirstAdmin(
      t.db,
      { name: 'Ada', email: 'ada@example.com', password: 'long enough password', passwordConfirm: 'long enough password' },
      { actor: { type: 'anonymous' }, request },
    );
    adminId = admin.id;
    const asAdmin = { actor: { type: 'user' as const, id: adminId, role: 'admin' as const, email: 'ada@example.com' }, request };
    for (let i = 0; i < 7; i++) await recordAudit(t.db, asAdmin, { action: 'user.create', target: { type: 'user', id: `u${i}` } });
    await recordAudit(t.db, { actor: { type: 'system', id: 'housekeeping' }, request: {} }, { action: 'job.run_manual' });
  });
  afterAll(async () => t.close());

  it('lists newest first and pages with a cursor without gaps or repeats', async () => {
    const first = await listAuditEntries(t.db, { limit: 4 });
    expect(first.entries).toHaveLength(4);
    expect(first.entries[0]!.action).toBe('job.run_manual');
    const second = await listAuditEntries(t.db, { limit: 4, before: first.nextCursor });
    const third = await listAuditEntries(t.db, { limit: 4, before: second.nextCursor });
    const ids = [...first.entries, ...second.entries, ...third.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(9);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(third.nextCursor).toBeUndefined();
  });

  it('filters by action and by actor email or id', async () => {
    expect((await listAuditEntries(t.db, { action: 'user.create' })).entries).toHaveLength(7);
    const byEmail = await listAuditEntries(t.db, { actor: 'ADA@' });
    expect(byEmail.entries.every((e) => e.actorEmail === 'ada@example.com')).toBe(true);
    expect(byEmail.entries).toHaveLength(7);
    expect((await listAuditEntries(t.db, { actor: 'housekeeping' })).entries).toHaveLength(1);
    expect((await listAuditEntries(t.db, { actor: '100%_' })).entries).toHaveLength(0);
  });

  it('finds a user by email in free text: their own entries and entries that mention the address', async () => {
    const found = (await listAuditEntries(t.db, { q: 'ADA@example' })).entries.map((e) => e.action);
    expect(found.sort()).toEqual(['setup.admin_created', ...Array(7).fill('user.create')].sort());
  });
});

describe('audit filters', () => {
  let t: TestDb;
  const request = { ip: '198.51.100.7', requestId: 'req-filter', userAgent: 'FilterBrowser/1.0' };
  const system = { actor: { type: 'system' as const, id: 'audit-verify' }, request };
  beforeAll(async () => {
    t = await createTestDb();
    await recordAudit(t.db, system, { action: 'user.role_change', target: { type: 'user', id: 'u-1' }, before: { role: 'viewer' }, after: { role: 'admin' } });
    await recordAudit(t.db, system, { action: 'auth.sign_in_failed', outcome: 'failed', target: { type: 'user_email', id: 'mallory@example.com' } });
    await recordAudit(t.db, system, { action: 'auth.permission_denied', outcome: 'denied', after: { permission: 'audit.read' } });
  });
  afterAll(async () => t.close());

  const actions = async (filter: Parameters<typeof listAuditEntries>[1]) => (await listAuditEntries(t.db, filter)).entries.map((e) => e.action);

  it('filters by target type, id, or both', async () => {
    expect(await actions({ target: 'user' })).toEqual(['user.role_change']);
    expect(await actions({ target: 'mallory@example.com' })).toEqual(['auth.sign_in_failed']);
    expect(await actions({ target: 'user:u-1' })).toEqual(['user.role_change']);
    expect(await actions({ target: 'user:u-2' })).toEqual([]);
  });

  it('filters by outcome and by time range', async () => {
    expect(await actions({ outcome: 'denied' })).toEqual(['auth.permission_denied']);
    const all = (await listAuditEntries(t.db, {})).entries;
    const middle = all[1]!.createdAt;
    const window = { from: middle, to: new Date(middle.getTime() + 1) };
    const expected = all.filter((e) => e.createdAt >= window.from && e.createdAt < window.to).map((e) => e.action);
    expect(expected).toContain('auth.sign_in_failed');
    expect(await actions(window)).toEqual(expected);
    expect(await actions({ to: new Date(Date.UTC(2000, 0, 1)) })).toEqual([]);
  });

  it('finds free text in before/after and request fields, literally', async () => {
    expect(await actions({ q: 'ADMIN' })).toEqual(['user.role_change']);
    expect(await actions({ q: 'audit.read' })).toEqual(['auth.permission_denied']);
    expect((await actions({ q: 'filterbrowser' })).length).toBe(3);
    expect(await actions({ q: '%' })).toEqual([]);
  });

  it('iterates every match in batches', async () => {
    const { iterateAuditEntries } = await import('./queries');
    const batches: number[] = [];
    for await (const batch of iterateAuditEntries(t.db, {}, 2)) batches.push(batch.length);
    expect(batches).toEqual([2, 1]);
  });
});
