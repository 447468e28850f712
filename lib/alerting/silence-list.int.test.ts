import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import type { MutationContext } from '../audit/context';
import { cancelSilence, createSilence } from './manage';
import { listSilences, silenceableMetricTypes } from './silence-list';
import { activeSilences, matchingSilence } from './silences';
import { insertRule } from './testing';

const T0 = new Date('2026-06-01T12:00:00Z');
const HOUR = 3_600_000;

let t: TestDb;
let admin: MutationContext;
beforeEach(async () => {
  t = await createTestDb();
  const [user] = await t.db.insert(users).values({ email: 'ada@example.com', passwordHash: 'x', displayName: 'Ada' }).returning();
  admin = { actor: { type: 'user', id: user!.id, role: 'admin', email: 'ada@example.com' }, request: {} };
});
afterEach(async () => {
  await t.close();
});

describe('the Silences page list', () => {
  it('shows active silences (ending soonest first) apart from expired and cancelled ones, with who, why and the rule', async () => {
    const rule = await insertRule(t.db, { ruleName: 'Checkout latency', severity: 'critical' });
    await insertRule(t.db, { ruleName: 'Monitor', metricType: 'monitor_status' });
    const deploy = await createSilence(t.db, admin, { ruleId: rule.id, severity: null, metricType: null, endsAt: new Date(T0.getTime() + 4 * HOUR), reason: 'Deploy window' }, T0);
    const noisy = await createSilence(t.db, admin, { ruleId: null, severity: 'warning', metricType: 'api_response_time', endsAt: new Date(T0.getTime() + HOUR), reason: 'Known noisy' }, T0);
    await createSilence(t.db, admin, { ruleId: null, severity: 'info', metricType: null, endsAt: new Date(T0.getTime() + HOUR / 2), reason: 'Brief' }, T0);
    const early = await createSilence(t.db, admin, { ruleId: null, severity: 'critical', metricType: null, endsAt: new Date(T0.getTime() + 8 * HOUR), reason: 'Oops' }, T0);
    await cancelSilence(t.db, admin, early.id, new Date(T0.getTime() + 10 * 60_000));

    const at = new Date(T0.getTime() + 45 * 60_000);
    const { active, history } = await listSilences(t.db, at);
    expect(active.map((i) => [i.silence.reason, i.state])).toEqual([['Known noisy', 'active'], ['Deploy window', 'active']]);
    expect(active[1]).toMatchObject({ ruleName: 'Checkout latency', createdByEmail: 'ada@example.com', silence: { id: deploy.id } });
    expect(history.map((i) => [i.silence.reason, i.state])).toEqual([['Brief', 'expired'], ['Oops', 'cancelled']]);
    expect(noisy.startsAt).toEqual(T0);

    // What the list calls active is what evaluation honours.
    const inForce = await activeSilences(t.db, at);
    expect(inForce.map((s) => s.reason).sort()).toEqual(['Deploy window', 'Known noisy']);
    expect(matchingSilence(rule, inForce)?.reason).toBe('Deploy window');
    expect(matchingSilence({ id: 'other', severity: 'critical', metricType: 'api_response_time' }, inForce)).toBeUndefined();

    expect(await silenceableMetricTypes(t.db)).toEqual(['api_response_time', 'monitor_status']);
    const audited = await t.db.select({ action: auditLog.action, targetId: auditLog.targetId }).from(auditLog).orderBy(auditLog.id);
    expect(audited.map((a) => a.action)).toEqual(['silence.create', 'silence.create', 'silence.create', 'silence.create', 'silence.cancel']);
    expect(audited.at(-1)?.targetId).toBe(early.id);
  });
});
