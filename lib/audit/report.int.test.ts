import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import type { MutationContext } from './context';
import { recordAudit } from './record';
import { buildComplianceReport, iterateSectionEntries } from './report';

describe('compliance report', () => {
  let t: TestDb;
  const admin: MutationContext = { actor: { type: 'user', id: '00000000-0000-4000-8000-000000000001', role: 'admin', email: 'ada@example.com' }, request: {} };
  const anonymous: MutationContext = { actor: { type: 'anonymous' }, request: { ip: '203.0.113.5' } };
  let start: Date;

  beforeAll(async () => {
    t = await createTestDb();
    start = new Date(Date.now() - 60_000);
    await recordAudit(t.db, admin, { action: 'user.create', target: { type: 'user', id: 'u1' }, after: { role: 'viewer' } });
    await recordAudit(t.db, admin, { action: 'user.role_change', target: { type: 'user', id: 'u1' }, before: { role: 'viewer' }, after: { role: 'analyst' } });
    await recordAudit(t.db, anonymous, { action: 'auth.sign_in_failed', outcome: 'failed' });
    await recordAudit(t.db, anonymous, { action: 'auth.sign_in_failed', outcome: 'failed' });
    await recordAudit(t.db, admin, { action: 'auth.permission_denied', outcome: 'denied' });
    await recordAudit(t.db, admin, { action: 'audit.export', target: { type: 'audit_log' } });
    await recordAudit(t.db, admin, { action: 'audit.read' });
  });
  afterAll(async () => t.close());

  it('sorts the period into its sections with summaries, and anchors it on the last entry', async () => {
    const report = await buildComplianceReport(t.db, { from: start, to: new Date(Date.now() + 60_000) });
    const section = (name: string) => report.sections.find((s) => s.section === name)!;
    expect(section('adminActions').summary.map((s) => s.action).sort()).toEqual(['user.create', 'user.role_change']);
    expect(section('roleChanges').entries.map((e) => e.action)).toEqual(['user.role_change']);
    expect(section('securityEvents').summary).toEqual([
      { action: 'auth.sign_in_failed', outcome: 'failed', count: 2 },
      { action: 'auth.permission_denied', outcome: 'denied', count: 1 },
    ]);
    expect(section('failedAndDenied').total).toBe(3);
    expect(section('dataExports').entries.map((e) => e.action)).toEqual(['audit.export']);
    expect(section('apiKeyLifecycle').total).toBe(0);
    expect(section('alertRuleChanges').total).toBe(0);
    const [head] = (await t.db.execute(sql`select id, hash from audit_log order by id desc limit 1`).then((r) =>
      Array.isArray(r) ? r : (r as { rows: unknown[] }).rows,
    )) as [{ id: number | string; hash: string }];
    expect(report.anchor).toMatchObject({ id: Number(head.id), hash: head.hash });
  });

  it('anchors a period in the past on the last entry before its end, and streams a section', async () => {
    const report = await buildComplianceReport(t.db, { from: new Date(0), to: start });
    expect(report.anchor).toBeNull();
    expect(report.sections.every((s) => s.total === 0)).toBe(true);
    const batches: number[] = [];
    const period = { from: start, to: new Date(Date.now() + 60_000) };
    for await (const batch of iterateSectionEntries(t.db, 'failedAndDenied', period, { batchSize: 2 })) batches.push(batch.length);
    expect(batches).toEqual([2, 1]);
    const all = (await buildComplianceReport(t.db, period)).sections.find((s) => s.section === 'failedAndDenied')!.entries;
    const through: number[] = [];
    for await (const batch of iterateSectionEntries(t.db, 'failedAndDenied', period, { throughId: all[1]!.id })) through.push(...batch.map((e) => e.id));
    expect(through).toEqual([all[1]!.id, all[2]!.id]);
  });
});
