import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, monitors, userRoles, users } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import type { MutationContext } from '../audit/context';
import { evaluateRules } from './evaluate';
import { createRule, setRuleActive } from './manage';
import { NEW_RULE_FORM, ruleFormSchema } from './rule-form';
import { getRule, listMonitorChoices, listRuleOverview } from './rule-queries';
import { point } from './testing';

const T0 = new Date('2026-06-01T12:00:00Z');

let t: TestDb;
let admin: MutationContext;
let roleId: string;
beforeEach(async () => {
  t = await createTestDb();
  const [user] = await t.db.insert(users).values({ email: 'grace@example.com', passwordHash: 'x', displayName: 'Grace' }).returning();
  const [role] = await t.db.insert(userRoles).values({ userId: user!.id, role: 'admin' }).returning();
  roleId = role!.id;
  admin = { actor: { type: 'user', id: user!.id, role: 'admin', email: 'grace@example.com' }, request: { requestId: 'req-rules' } };
});
afterEach(async () => {
  await t.close();
});

const form = (overrides: Record<string, string> = {}) => ruleFormSchema.parse({ ...NEW_RULE_FORM, ruleName: 'Slow API', threshold: '100', pendingSeconds: '0', windowSeconds: '60', ...overrides });

describe('rules created in the editor', () => {
  it('record who created them (their user_roles row, as the brief’s schema has it), audited in the same change', async () => {
    const rule = await createRule(t.db, admin, form());
    expect((await getRule(t.db, rule.id))?.createdBy).toBe(roleId);
    const [entry] = await t.db.select().from(auditLog);
    expect(entry).toMatchObject({ action: 'alert_rule.create', targetId: rule.id });
    // A rule created by a job (no user) has no creator.
    const bySystem = await createRule(t.db, { actor: { type: 'system', id: 'seed' }, request: {} }, form({ ruleName: 'By a job' }));
    expect(bySystem.createdBy).toBeNull();
  });

  it('are listed by name with their last state, monitor and creator; a disabled one says so', async () => {
    const [monitor] = await t.db.insert(monitors).values({ name: 'Public API', url: 'https://api.example.com/health' }).returning();
    const slow = await createRule(t.db, admin, form({ severity: 'critical' }));
    const down = await createRule(t.db, admin, form({ ruleName: 'API down', kind: 'monitor', monitorId: monitor!.id, monitorConsecutiveChecks: '2' }));
    await setRuleActive(t.db, admin, down.id, false);
    await point(t.db, new Date(T0.getTime() - 1000), 900);
    await evaluateRules(t.db, { now: T0 });

    const rows = await listRuleOverview(t.db);
    expect(rows.map((r) => [r.rule.ruleName, r.rule.isActive, r.state, r.monitorName, r.createdByEmail])).toEqual([
      ['API down', false, null, 'Public API', 'grace@example.com'],
      ['Slow API', true, 'firing', null, 'grace@example.com'],
    ]);
    expect(rows[1]!.lastEvaluatedAt).toEqual(T0);
    expect(rows[1]!.rule.id).toBe(slow.id);
    expect(await listMonitorChoices(t.db)).toEqual([{ id: monitor!.id, name: 'Public API' }]);
  });
});
