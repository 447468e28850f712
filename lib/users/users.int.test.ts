import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import type { MutationContext } from '../audit/context';
import { ServiceError } from '../errors/service-error';
import { changeRole } from './change-role';
import { createUser } from './create-user';
import { findActiveUser, listUsers } from './queries';
import { setUserDisabled } from './set-disabled';
import { createFirstAdmin } from './setup';
import { updatePreferences } from './update-preferences';

const PASSWORD = 'a long enough password';
const anonymous: MutationContext = { actor: { type: 'anonymous' }, request: { ip: '127.0.0.1' } };

describe('users', () => {
  let t: TestDb;
  let admin: MutationContext;
  let adminId: string;

  beforeEach(async () => {
    t = await createTestDb();
    const created = await createFirstAdmin(t.db, { name: 'Ada', email: 'ada@example.com', password: PASSWORD, passwordConfirm: PASSWORD }, anonymous);
    adminId = created.id;
    admin = { actor: { type: 'user', id: adminId, role: 'admin', email: 'ada@example.com' }, request: { ip: '127.0.0.1', requestId: 'r1' } };
  });
  afterEach(async () => t.close());

  const audit = async () => t.db.select().from(auditLog).orderBy(asc(auditLog.id));
  const kind = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (e instanceof ServiceError ? e.messageKey : String(e)));

  it('refuses a second setup and audits the attempt without creating anyone', async () => {
    expect(await kind(createFirstAdmin(t.db, { name: 'Eve', email: 'eve@example.com', password: PASSWORD, passwordConfirm: PASSWORD }, anonymous))).toBe('setupDone');
    expect((await listUsers(t.db)).map((u) => u.email)).toEqual(['ada@example.com']);
    expect((await audit()).at(-1)).toMatchObject({ action: 'setup.attempt_after_setup', outcome: 'denied' });
  });

  it('creates users with a role, stores only a hash, and audits without the password', async () => {
    await createUser(t.db, { name: 'Vi', email: 'vi@example.com', password: PASSWORD, role: 'viewer' }, admin);
    const [row] = await t.db.select().from(users).where(eq(users.email, 'vi@example.com'));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    const entry = (await audit()).at(-1)!;
    expect(entry).toMatchObject({ action: 'user.create', actorId: adminId, requestId: 'r1', after: { email: 'vi@example.com', role: 'viewer' } });
    expect(JSON.stringify(entry)).not.toContain(PASSWORD);
  });

  it('refuses a duplicate email with a field error and keeps the first user', async () => {
    await createUser(t.db, { name: 'Vi', email: 'vi@example.com', password: PASSWORD, role: 'viewer' }, admin);
    const error = await createUser(t.db, { name: 'Vi 2', email: 'vi@example.com', password: PASSWORD, role: 'admin' }, admin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).details.field).toBe('email');
    expect((await listUsers(t.db)).filter((u) => u.email === 'vi@example.com')).toMatchObject([{ displayName: 'Vi', role: 'viewer' }]);
  });

  it('changes a role with before/after in the audit entry, effective immediately', async () => {
    const vi = await createUser(t.db, { name: 'Vi', email: 'vi@example.com', password: PASSWORD, role: 'viewer' }, admin);
    await changeRole(t.db, { userId: vi.id, role: 'analyst' }, admin);
    expect((await findActiveUser(t.db, vi.id))?.role).toBe('analyst');
    expect((await audit()).at(-1)).toMatchObject({ action: 'user.role_change', targetId: vi.id, before: { role: 'viewer' }, after: { role: 'analyst' } });
  });

  it('never leaves the console without an active admin', async () => {
    expect(await kind(changeRole(t.db, { userId: adminId, role: 'viewer' }, admin))).toBe('lastAdmin');
    const bo = await createUser(t.db, { name: 'Bo', email: 'bo@example.com', password: PASSWORD, role: 'admin' }, admin);
    await setUserDisabled(t.db, { userId: bo.id, disabled: true }, admin);
    expect(await kind(changeRole(t.db, { userId: adminId, role: 'viewer' }, admin))).toBe('lastAdmin');
    await setUserDisabled(t.db, { userId: bo.id, disabled: false }, admin);
    expect(await kind(changeRole(t.db, { userId: adminId, role: 'viewer' }, admin))).toBe('ok');
  });

  it('disables a user so their session no longer resolves, and refuses self-disable', async () => {
    const vi = await createUser(t.db, { name: 'Vi', email: 'vi@example.com', password: PASSWORD, role: 'viewer' }, admin);
    await setUserDisabled(t.db, { userId: vi.id, disabled: true }, admin);
    expect(await findActiveUser(t.db, vi.id)).toBeNull();
    expect((await audit()).at(-1)).toMatchObject({ action: 'user.disable', targetId: vi.id });
    expect(await kind(setUserDisabled(t.db, { userId: adminId, disabled: true }, admin))).toBe('cannotDisableSelf');
  });

  it('saves only changed preferences and audits them', async () => {
    await updatePreferences(t.db, adminId, { locale: 'ar', timeZone: 'Asia/Tokyo', theme: 'dark', highContrast: false }, admin);
    expect(await findActiveUser(t.db, adminId)).toMatchObject({ locale: 'ar', timeZone: 'Asia/Tokyo', theme: 'dark', highContrast: false });
    expect((await audit()).at(-1)).toMatchObject({
      action: 'user.preferences_update',
      before: { locale: 'en', timeZone: 'UTC', theme: 'system' },
      after: { locale: 'ar', timeZone: 'Asia/Tokyo', theme: 'dark' },
    });
    const count = (await audit()).length;
    await updatePreferences(t.db, adminId, { locale: 'ar' }, admin);
    expect(await audit()).toHaveLength(count);
  });
});
