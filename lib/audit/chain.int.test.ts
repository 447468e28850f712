import { asc, count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../db/open';
import { auditAnchors, auditLog, auditVerifications, systemAlerts, users } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import type { Db } from '../../db/types';
import { databaseErrorMessage } from '../../db/errors';
import { createUser } from '../users/create-user';
import { entryHash, GENESIS_HASH } from './chain';
import type { MutationContext } from './context';
import { runAuditVerifyJob } from './jobs';
import { recordAudit } from './record';
import { applyAuditRetention } from './retention';
import { verifyAuditChain, walkAuditChain } from './verify';

const admin: MutationContext = {
  actor: { type: 'user', id: '00000000-0000-4000-8000-000000000001', role: 'admin', email: 'ada@example.com' },
  request: { requestId: 'req-1', ip: '203.0.113.9', userAgent: 'vitest' },
};
const system: MutationContext = { actor: { type: 'system', id: 'test' }, request: {} };

/** Changes a stored row the way an attacker with database access would: triggers off. */
async function tamper(db: Db, statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

async function writeEntries(db: Db, n: number, context: MutationContext = admin) {
  for (let i = 0; i < n; i++) {
    await recordAudit(db, context, {
      action: 'user.role_change',
      target: { type: 'user', id: `u${i}` },
      before: { role: 'viewer', at: new Date(Date.UTC(2030, 0, 1)) },
      after: { role: 'analyst', nested: { z: 1, a: [1.5, 'x', null] }, password: 'hunter2', gone: undefined },
    });
  }
}

const entries = (db: Db) => db.select().from(auditLog).orderBy(asc(auditLog.id));

describe('audit hash chain', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it('links every entry to the one before it, from the genesis hash', async () => {
    await writeEntries(t.db, 5);
    const rows = await entries(t.db);
    expect(rows).toHaveLength(5);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    for (const row of rows) {
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      // Recomputed from what the database gives back: jsonb key order and dates do not matter.
      expect(entryHash({ ...row, prevHash: row.prevHash! })).toBe(row.hash);
      expect(row.createdAt.getMilliseconds()).toBe(row.createdAt.getTime() % 1000);
    }
    expect(rows[0]!.after).toMatchObject({ password: '[masked]', nested: { a: [1.5, 'x', null] } });
    expect(rows[0]!.before).toEqual({ role: 'viewer', at: '2030-01-01T00:00:00.000Z' });
    const walk = await walkAuditChain(t.db, { batchSize: 2 });
    expect(walk).toMatchObject({ ok: true, entriesChecked: 5, upToId: rows[4]!.id, upToHash: rows[4]!.hash });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_log', async () => {
    await writeEntries(t.db, 2);
    const refused = (statement: ReturnType<typeof sql>) =>
      t.db.execute(statement).then(
        () => 'allowed',
        (error: unknown) => databaseErrorMessage(error),
      );
    expect(await refused(sql`update audit_log set action = 'user.create'`)).toMatch(/append-only: UPDATE/);
    expect(await refused(sql`delete from audit_log`)).toMatch(/append-only: DELETE/);
    expect(await refused(sql`truncate audit_log`)).toMatch(/append-only: TRUNCATE/);
    expect(await entries(t.db)).toHaveLength(2);
  });

  it('finds a row forged with triggers disabled and names it', async () => {
    await writeEntries(t.db, 6);
    const rows = await entries(t.db);
    const forged = rows[3]!;
    await tamper(t.db, sql`update audit_log set after = '{"role":"admin"}'::jsonb where id = ${forged.id}`);
    const result = await verifyAuditChain(t.db, admin, { trigger: 'manual' });
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ id: forged.id, reason: 'hash_mismatch' });
    expect(result.broken!.detail).toContain(`entry ${forged.id}`);
    expect(result.upToId).toBe(rows[2]!.id);
    const [verification] = await t.db.select().from(auditVerifications);
    expect(verification).toMatchObject({ ok: false, brokenAtId: forged.id, upToId: rows[2]!.id, trigger: 'manual' });
    expect((await entries(t.db)).at(-1)).toMatchObject({ action: 'audit.verify', outcome: 'failed' });
  });

  it('finds a rewritten entry whose hash was recomputed at the next link', async () => {
    await writeEntries(t.db, 4);
    const rows = await entries(t.db);
    const target = rows[1]!;
    const rewritten = { ...target, after: { role: 'admin' } };
    const hash = entryHash({ ...rewritten, prevHash: rewritten.prevHash! });
    await tamper(t.db, sql`update audit_log set after = '{"role":"admin"}'::jsonb, hash = ${hash} where id = ${target.id}`);
    const walk = await walkAuditChain(t.db);
    expect(walk.broken).toMatchObject({ id: rows[2]!.id, reason: 'prev_hash_mismatch' });
  });

  it('reports a removed entry as a gap, and a removed head that an earlier verification saw', async () => {
    await writeEntries(t.db, 5);
    const rows = await entries(t.db);
    await tamper(t.db, sql`delete from audit_log where id = ${rows[2]!.id}`);
    expect((await walkAuditChain(t.db)).broken).toMatchObject({ id: rows[3]!.id, reason: 'gap' });

    const t2 = await createTestDb();
    try {
      await writeEntries(t2.db, 3);
      const ok = await verifyAuditChain(t2.db, system, { trigger: 'manual' });
      expect(ok.ok).toBe(true);
      // The verification's own audit entry is the head now; remove it and the one before.
      await tamper(t2.db, sql`delete from audit_log where id >= ${ok.upToId!}`);
      expect((await walkAuditChain(t2.db)).broken).toMatchObject({ id: ok.upToId, reason: 'gap' });
    } finally {
      await t2.close();
    }
  });

  it('verifies from a given entry', async () => {
    await writeEntries(t.db, 5);
    const rows = await entries(t.db);
    const walk = await walkAuditChain(t.db, { fromId: rows[2]!.id });
    expect(walk).toMatchObject({ ok: true, entriesChecked: 3, upToId: rows[4]!.id });
  });

  it('accepts entries from before the chain only ahead of it', async () => {
    await t.db.insert(auditLog).values([
      { actorType: 'system', actorId: 'old', action: 'job.run_manual', outcome: 'success' },
      { actorType: 'system', actorId: 'old', action: 'job.run_manual', outcome: 'success' },
    ]);
    await writeEntries(t.db, 2);
    expect(await walkAuditChain(t.db)).toMatchObject({ ok: true, legacyEntries: 2, entriesChecked: 2 });
    await t.db.insert(auditLog).values({ actorType: 'system', actorId: 'sneaky', action: 'job.run_manual', outcome: 'success' });
    const walk = await walkAuditChain(t.db);
    expect(walk.broken).toMatchObject({ reason: 'hash_mismatch' });
  });

  it('rolls back the change when its audit entry cannot be written', async () => {
    await t.db.execute(sql`create function audit_write_fails() returns trigger language plpgsql as $$
      begin raise exception 'audit storage unavailable'; end; $$`);
    await t.db.execute(sql`create trigger audit_write_fails before insert on audit_log for each row execute function audit_write_fails()`);
    const error = await createUser(t.db, { name: 'Vi', email: 'vi@example.com', password: 'a long enough password', role: 'viewer' }, admin).catch(
      (e: unknown) => e,
    );
    expect(databaseErrorMessage(error)).toContain('audit storage unavailable');
    expect(await t.db.select().from(users).where(eq(users.email, 'vi@example.com'))).toEqual([]);
    expect(await entries(t.db)).toEqual([]);
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    const writers: Db[] = [t.db];
    const extra: { close(): Promise<void> }[] = [];
    if (t.kind === 'postgres') {
      // Two more pools: separate connections racing for the head, as two app instances would.
      for (let i = 0; i < 2; i++) {
        const pool = openPostgres(t.url!, 4);
        extra.push(pool);
        writers.push(pool.db);
      }
    }
    try {
      const perWriter = 20;
      await Promise.all(
        writers.flatMap((db, w) =>
          Array.from({ length: perWriter }, (_, i) =>
            recordAudit(db, { actor: { type: 'system', id: `writer-${w}` }, request: {} }, { action: 'job.run_manual', after: { i } }),
          ),
        ),
      );
      const rows = await entries(t.db);
      expect(rows).toHaveLength(writers.length * perWriter);
      expect(new Set(rows.map((row) => row.prevHash)).size).toBe(rows.length);
      expect(await walkAuditChain(t.db)).toMatchObject({ ok: true, entriesChecked: rows.length });
    } finally {
      await Promise.all(extra.map((pool) => pool.close()));
    }
  });

  it('a broken chain raises one critical alert naming the entry', async () => {
    await writeEntries(t.db, 3);
    const rows = await entries(t.db);
    await tamper(t.db, sql`update audit_log set outcome = 'denied' where id = ${rows[1]!.id}`);
    expect(await runAuditVerifyJob(t.db)).toMatchObject({ ok: false, brokenAtId: rows[1]!.id, reason: 'hash_mismatch' });
    await runAuditVerifyJob(t.db);
    const alerts = await t.db.select().from(systemAlerts);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'critical', resolved: false, alertRuleId: null });
    expect(alerts[0]!.message).toContain(`entry ${rows[1]!.id}`);
  });
});

describe('audit retention', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  const DAY = 24 * 60 * 60 * 1000;

  /** Chained entries with a chosen created_at, as recordAudit would have written them that day. */
  async function writeOn(day: Date, n: number) {
    for (let i = 0; i < n; i++) {
      await t.db.transaction(async (tx) => {
        const [head] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(sql`id desc`).limit(1);
        const [{ id }] = (await tx.execute(sql`select nextval(pg_get_serial_sequence('audit_log', 'id'))::int as id`).then((r) =>
          Array.isArray(r) ? r : (r as { rows: unknown[] }).rows,
        )) as [{ id: number }];
        const values = {
          id: Number(id),
          actorType: 'system' as const,
          actorId: 'seed',
          action: 'job.run_manual',
          targetType: null,
          targetId: null,
          before: null,
          after: { i },
          requestId: null,
          ip: null,
          userAgent: null,
          outcome: 'success' as const,
          createdAt: new Date(day.getTime() + i * 1000),
          prevHash: head?.hash ?? GENESIS_HASH,
        };
        await tx.insert(auditLog).overridingSystemValue().values({ ...values, hash: entryHash(values) });
      });
    }
  }

  it('removes whole old days through the audited path, anchors the chain, and verification starts at the anchor', async () => {
    const now = new Date('2031-06-15T12:00:00.000Z');
    await writeOn(new Date(now.getTime() - 500 * DAY), 3);
    await writeOn(new Date(now.getTime() - 401 * DAY), 2);
    await writeOn(new Date(now.getTime() - 10 * DAY), 2);
    const before = await entries(t.db);
    expect(await walkAuditChain(t.db)).toMatchObject({ ok: true, entriesChecked: 7 });

    const result = await applyAuditRetention(t.db, { now });
    expect(result).toMatchObject({ removedCount: 5, removedThroughId: before[4]!.id, anchorHash: before[4]!.hash });
    expect(result.removedBefore.toISOString()).toBe('2030-05-11T00:00:00.000Z');

    const after = await entries(t.db);
    expect(after.map((row) => row.id)).toEqual([before[5]!.id, before[6]!.id, after[2]!.id]);
    expect(after[2]).toMatchObject({ action: 'audit.retention', actorType: 'system', actorId: 'audit-retention', prevHash: before[6]!.hash });
    expect(after[2]!.after).toMatchObject({ removedCount: 5, removedThroughId: before[4]!.id, retentionDays: 400 });
    expect(await t.db.select().from(auditAnchors)).toMatchObject([{ removedThroughId: before[4]!.id, anchorHash: before[4]!.hash, removedCount: 5 }]);
    expect(await walkAuditChain(t.db)).toMatchObject({ ok: true, entriesChecked: 3, anchorThroughId: before[4]!.id });

    // The trigger is back on after the retention transaction.
    await expect(t.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    // Nothing old left: a second run removes nothing and writes nothing.
    expect(await applyAuditRetention(t.db, { now })).toMatchObject({ removedCount: 0 });
    expect(await t.db.select({ n: count() }).from(auditLog)).toEqual([{ n: 3 }]);
  });

  it('continues the chain from the anchor when every entry was removed', async () => {
    const now = new Date('2031-06-15T12:00:00.000Z');
    await writeOn(new Date(now.getTime() - 800 * DAY), 2);
    const before = await entries(t.db);
    await applyAuditRetention(t.db, { now, retentionDays: 400 });
    const after = await entries(t.db);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ action: 'audit.retention', prevHash: before[1]!.hash });
    await recordAudit(t.db, admin, { action: 'audit.read' });
    expect(await walkAuditChain(t.db)).toMatchObject({ ok: true, entriesChecked: 2 });
  });
});
