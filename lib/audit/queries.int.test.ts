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
    const second = await listAuditEntries(t.db, { limit: 4, beforeId: first.nextCursor });
    const third = await listAuditEntries(t.db, { limit: 4, beforeId: second.nextCursor });
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
});
