import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertRuleStates, auditLog, metricRollups1m, notificationChannels, notificationOutbox, users } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import type { MutationContext } from '../audit/context';
import { keyRingFrom, open } from '../crypto/secret-box';
import { ServiceError } from '../errors/service-error';
import type { Resolver } from '../net/ssrf';
import { createChannel, deleteChannel, sendTestNotification, updateChannel } from '../notifications/channel-admin';
import { evaluateRules } from './evaluate';
import { acknowledgeAlert, cancelSilence, createRule, createSilence, deleteRule, resolveAlert, setRuleActive, updateRule } from './manage';
import { previewRule } from './preview';
import { alertDetail, listAlerts, openAlertCounts } from './queries';
import { ruleInputSchema } from './schemas';
import { eventTypes, openAlert, point } from './testing';

const T0 = new Date('2026-06-01T12:00:00Z');
const ring = keyRingFrom(randomBytes(32).toString('base64'));
const publicDns: Resolver = async () => [{ address: '93.184.216.34', family: 4 }];
const privateDns: Resolver = async () => [{ address: '10.0.0.5', family: 4 }];

let t: TestDb;
let admin: MutationContext;
beforeEach(async () => {
  t = await createTestDb();
  const [user] = await t.db.insert(users).values({ email: 'ada@example.com', passwordHash: 'x', displayName: 'Ada' }).returning();
  admin = { actor: { type: 'user', id: user!.id, role: 'admin', email: 'ada@example.com' }, request: { requestId: 'req-alerts' } };
});
afterEach(async () => {
  await t.close();
});

const ruleForm = (overrides: Record<string, unknown> = {}) =>
  ruleInputSchema.parse({
    ruleName: 'Slow checkout', kind: 'metric', metricType: 'api_response_time', endpoint: '/api/checkout', aggregation: 'avg', condition: 'greater_than',
    threshold: '250', recoveryThreshold: '', windowSeconds: '60', pendingSeconds: '0', repeatIntervalSeconds: '', severity: 'critical', noDataState: 'keep',
    ruleGroup: '', monitorId: '', notificationChannels: [], ...overrides,
  });

const actions = async () => (await t.db.select({ action: auditLog.action }).from(auditLog).orderBy(auditLog.id)).map((r) => r.action);

describe('rule editor validation', () => {
  it('names each bad field with a message key', () => {
    const result = ruleInputSchema.safeParse({ ruleName: '', kind: 'metric', metricType: 'Bad Type', aggregation: 'avg', condition: 'greater_than', threshold: '100', recoveryThreshold: '150', windowSeconds: '10', pendingSeconds: '0', severity: 'warning', noDataState: 'ok' });
    expect(result.success).toBe(false);
    const issues = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(issues).toMatchObject({ ruleName: 'nameRequired', windowSeconds: 'windowRange' });
  });

  it('refuses a recovery threshold on the wrong side and a monitor rule without a monitor', () => {
    const wrongSide = ruleInputSchema.safeParse({ ...ruleForm(), threshold: 100, recoveryThreshold: 150 });
    expect(wrongSide.error?.issues.map((i) => i.message)).toEqual(['recoverySide']);
    const monitor = ruleInputSchema.safeParse({ ...ruleForm(), kind: 'monitor', monitorId: null });
    expect(monitor.error?.issues.map((i) => i.message)).toEqual(['monitorRequired']);
  });
});

describe('managing rules, alerts and silences (audited in the same transaction)', () => {
  it('create, update, disable, enable and delete a rule; delete resolves its open alert', async () => {
    const rule = await createRule(t.db, admin, ruleForm());
    await updateRule(t.db, admin, rule.id, ruleForm({ threshold: '300' }));
    await setRuleActive(t.db, admin, rule.id, false);
    await setRuleActive(t.db, admin, rule.id, true);
    await point(t.db, new Date(T0.getTime() - 1000), 900, 'api_response_time', '/api/checkout');
    await evaluateRules(t.db, { now: T0 });
    const alert = await openAlert(t.db, rule.id);
    expect(alert).toMatchObject({ severity: 'critical', threshold: 300, value: 900 });
    await deleteRule(t.db, admin, rule.id, new Date(T0.getTime() + 60_000));
    expect((await listAlerts(t.db))[0]!.alert).toMatchObject({ id: alert!.id, resolved: true });
    expect(await actions()).toEqual(['alert_rule.create', 'alert_rule.update', 'alert_rule.disable', 'alert_rule.enable', 'alert_rule.delete']);
  });

  it('acknowledge (with comment) stops being open-unacknowledged; resolve by hand resets the rule; both on the timeline', async () => {
    const rule = await createRule(t.db, admin, ruleForm());
    await point(t.db, new Date(T0.getTime() - 1000), 900, 'api_response_time', '/api/checkout');
    await evaluateRules(t.db, { now: T0 });
    const alert = (await openAlert(t.db, rule.id))!;
    expect(await openAlertCounts(t.db)).toEqual({ info: 0, warning: 0, critical: 1 });
    await acknowledgeAlert(t.db, admin, { alertId: alert.id, comment: 'looking at the DB' }, new Date(T0.getTime() + 30_000));
    await expect(acknowledgeAlert(t.db, admin, { alertId: alert.id, comment: null })).rejects.toBeInstanceOf(ServiceError);
    expect(await listAlerts(t.db, { status: 'acknowledged' })).toHaveLength(1);
    await resolveAlert(t.db, admin, { alertId: alert.id, comment: 'failover done' }, new Date(T0.getTime() + 60_000));
    expect(await openAlertCounts(t.db)).toEqual({ info: 0, warning: 0, critical: 0 });
    const [state] = await t.db.select().from(alertRuleStates).where(eq(alertRuleStates.ruleId, rule.id));
    expect(state).toMatchObject({ state: 'ok', openAlertId: null });
    const detail = await alertDetail(t.db, alert.id);
    expect(detail?.acknowledgedByEmail).toBe('ada@example.com');
    expect(detail?.events.map((e) => [e.event.type, e.actorEmail])).toEqual([['fired', null], ['acknowledged', 'ada@example.com'], ['resolved', 'ada@example.com']]);
    expect(detail?.events[1]!.event.detail).toEqual({ comment: 'looking at the DB' });
    expect(await actions()).toEqual(['alert_rule.create', 'alert.acknowledge', 'alert.resolve']);
    expect(await eventTypes(t.db, alert.id)).toEqual(['fired', 'acknowledged', 'resolved']);
  });

  it('silences are created for the future only, cancelled once, and audited', async () => {
    await expect(createSilence(t.db, admin, { ruleId: null, severity: 'warning', metricType: null, endsAt: new Date(T0.getTime() - 1), reason: 'x' }, T0)).rejects.toThrow(/endsAtPast/);
    const silence = await createSilence(t.db, admin, { ruleId: null, severity: 'warning', metricType: null, endsAt: new Date(T0.getTime() + 3_600_000), reason: 'deploy' }, T0);
    await cancelSilence(t.db, admin, silence.id, T0);
    await expect(cancelSilence(t.db, admin, silence.id, T0)).rejects.toBeInstanceOf(ServiceError);
    expect(await actions()).toEqual(['silence.create', 'silence.cancel']);
  });
});

describe('preview', () => {
  it('draws the last 24 h in 5-minute points and counts how often the rule would have fired', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const rows = [];
    for (let m = 0; m < 24 * 60; m++) {
      const at = new Date(now.getTime() - (24 * 60 - m) * 60_000);
      // Two breaches of 20 minutes: at 06:00 and at 09:00.
      const hot = (at.getUTCHours() === 6 || at.getUTCHours() === 9) && at.getUTCMinutes() < 20;
      rows.push({ metricType: 'api_response_time', endpoint: '/api/checkout', bucketStart: at, count: 10, errors: 0, sum: hot ? 5000 : 1000, min: 50, max: hot ? 900 : 150 });
    }
    await t.db.insert(metricRollups1m).values(rows);
    const preview = await previewRule(t.db, { ...ruleForm(), metricType: 'api_response_time', threshold: 250, recoveryThreshold: null, pendingSeconds: 600, noDataState: 'keep', repeatIntervalSeconds: null }, now);
    expect(preview.points).toHaveLength(288);
    expect(preview.points.filter((p) => p.value !== null && p.value > 250)).toHaveLength(8);
    expect(preview.fires).toBe(2);
    const strict = await previewRule(t.db, { ...ruleForm(), threshold: 250, recoveryThreshold: null, pendingSeconds: 1800, noDataState: 'keep', repeatIntervalSeconds: null }, now);
    expect(strict.fires).toBe(0);
  });
});

describe('notification channels', () => {
  const discordInput = (url: string) => ({ name: 'Ops Discord', type: 'discord' as const, locale: 'de' as const, timeZone: 'Europe/Berlin', secret: { webhookUrl: url }, public: {} });

  it('stores the secret encrypted, shows only a hint, refuses private targets, sends a test through the outbox', async () => {
    const url = 'https://discord.example/api/webhooks/123/abcdefSECRET';
    const channel = await createChannel(t.db, admin, ring, discordInput(url), { allowPrivate: false, resolve: publicDns });
    expect(channel).not.toHaveProperty('secretConfig');
    expect(channel.secretHint).toBe('…CRET');
    const [row] = await t.db.select().from(notificationChannels).where(eq(notificationChannels.id, channel.id));
    expect(row!.secretConfig).not.toContain('SECRET');
    expect(JSON.parse(open(ring, row!.secretConfig))).toEqual({ webhookUrl: url });
    await expect(createChannel(t.db, admin, ring, discordInput('https://intranet.example/hook'), { allowPrivate: false, resolve: privateDns })).rejects.toThrow(/targetPrivate/);
    // Editing without a new secret keeps the stored one.
    await updateChannel(t.db, admin, ring, channel.id, { ...discordInput(url), name: 'Ops', secret: null }, { allowPrivate: false, resolve: publicDns });
    const [after] = await t.db.select().from(notificationChannels).where(eq(notificationChannels.id, channel.id));
    expect(after!.secretConfig).toBe(row!.secretConfig);
    await sendTestNotification(t.db, admin, channel.id, T0);
    expect(await t.db.select({ kind: notificationOutbox.kind }).from(notificationOutbox)).toEqual([{ kind: 'test' }]);
    await deleteChannel(t.db, admin, channel.id);
    expect(await actions()).toEqual(['channel.create', 'channel.update', 'channel.test', 'channel.delete']);
    const audit = await t.db.select().from(auditLog);
    expect(JSON.stringify(audit)).not.toContain('SECRET');
  });
});
