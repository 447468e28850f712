import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertRuleStates, alertSilences, metricRollups1m, monitors, notificationOutbox, systemAlerts } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { insertMonitorChecks } from '../monitors/checks';
import { evaluateRules } from './evaluate';
import { readRuleValues } from './read-metrics';
import { alertsOf, eventTypes, insertChannel, insertRule, openAlert, outboxKinds, point } from './testing';

// Timeline tests in the manner of Alertmanager's acceptance tests: a fake clock advances a
// minute per tick, points are written just before each tick, and we assert what was
// recorded and what was enqueued, tick by tick.
const T0 = new Date('2026-06-01T12:00:00Z');
const at = (minute: number) => new Date(T0.getTime() + minute * 60_000);

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

/** Writes one point per endpoint just before the tick, then evaluates at the tick. */
async function tick(minute: number, values: Record<string, number | null>) {
  for (const [endpoint, value] of Object.entries(values)) if (value !== null) await point(t.db, new Date(at(minute).getTime() - 1000), value, 'api_response_time', endpoint);
  return evaluateRules(t.db, { now: at(minute) });
}

describe('rule evaluation timeline', () => {
  it('respects the pending duration, opens one alert while in breach, resolves once', async () => {
    const channel = await insertChannel(t.db);
    const rule = await insertRule(t.db, { endpoint: 'a', pendingSeconds: 120, notificationChannels: [channel.id] });
    await tick(0, { a: 150 });
    await tick(1, { a: 150 });
    expect(await alertsOf(t.db, rule.id)).toHaveLength(0);
    const [state] = await t.db.select().from(alertRuleStates).where(eq(alertRuleStates.ruleId, rule.id));
    expect(state?.state).toBe('pending');
    const fired = await tick(2, { a: 150 });
    expect(fired.fired).toBe(1);
    for (let m = 3; m < 10; m++) await tick(m, { a: 200 });
    const alerts = await alertsOf(t.db, rule.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.createdAt).toEqual(at(2));
    expect(await outboxKinds(t.db)).toEqual(['firing']);
    await tick(10, { a: 50 });
    await tick(11, { a: 50 });
    await tick(12, { a: 50 });
    const [closed] = await alertsOf(t.db, rule.id);
    expect(closed).toMatchObject({ resolved: true, resolvedAt: at(10) });
    expect(await outboxKinds(t.db)).toEqual(['firing', 'resolved']);
    expect(await eventTypes(t.db, closed!.id)).toEqual(['pending', 'fired', 'resolved']);
  });

  it('a breach shorter than the pending duration never fires', async () => {
    const rule = await insertRule(t.db, { endpoint: 'a', pendingSeconds: 180 });
    await tick(0, { a: 150 });
    await tick(1, { a: 150 });
    await tick(2, { a: 20 });
    await tick(3, { a: 150 });
    await tick(4, { a: 150 });
    expect(await alertsOf(t.db, rule.id)).toHaveLength(0);
  });

  it('sends reminders at the repeat interval, and none once acknowledged', async () => {
    const channel = await insertChannel(t.db);
    const rule = await insertRule(t.db, { endpoint: 'a', repeatIntervalSeconds: 300, notificationChannels: [channel.id] });
    for (let m = 0; m <= 10; m++) await tick(m, { a: 500 });
    expect(await outboxKinds(t.db)).toEqual(['firing', 'reminder', 'reminder']);
    const alert = await openAlert(t.db, rule.id);
    await t.db.update(systemAlerts).set({ acknowledgedAt: at(10) }).where(eq(systemAlerts.id, alert!.id));
    for (let m = 11; m <= 20; m++) await tick(m, { a: 500 });
    expect(await outboxKinds(t.db)).toEqual(['firing', 'reminder', 'reminder']);
    expect(await eventTypes(t.db, alert!.id)).toEqual(['fired', 'reminder', 'reminder']);
  });

  it('hysteresis: a firing rule resolves only past the recovery threshold', async () => {
    const rule = await insertRule(t.db, { endpoint: 'a', threshold: 100, recoveryThreshold: 80 });
    await tick(0, { a: 120 });
    await tick(1, { a: 95 });
    await tick(2, { a: 85 });
    expect(await openAlert(t.db, rule.id)).toBeDefined();
    await tick(3, { a: 79 });
    expect(await openAlert(t.db, rule.id)).toBeUndefined();
    await tick(4, { a: 95 });
    expect(await alertsOf(t.db, rule.id)).toHaveLength(1);
  });

  it('less_than rules and every aggregation read the same window', async () => {
    const low = await insertRule(t.db, { endpoint: 'a', condition: 'less_than', threshold: 10, aggregation: 'min' });
    await tick(0, { a: 5 });
    expect(await openAlert(t.db, low.id)).toBeDefined();
  });

  it('no data: ok resolves, keep holds the state, alert fires', async () => {
    const ok = await insertRule(t.db, { ruleName: 'ok', endpoint: 'a', noDataState: 'ok' });
    const keep = await insertRule(t.db, { ruleName: 'keep', endpoint: 'b', noDataState: 'keep' });
    const alert = await insertRule(t.db, { ruleName: 'alert', endpoint: 'c', noDataState: 'alert' });
    await tick(0, { a: 500, b: 500 });
    expect(await openAlert(t.db, ok.id)).toBeDefined();
    expect(await openAlert(t.db, keep.id)).toBeDefined();
    expect(await openAlert(t.db, alert.id)).toBeDefined(); // no data at all for c
    await tick(1, {});
    await tick(2, {});
    expect(await openAlert(t.db, ok.id)).toBeUndefined();
    expect(await openAlert(t.db, keep.id)).toBeDefined();
    expect(await alertsOf(t.db, alert.id)).toHaveLength(1);
  });

  it('silences: recorded, not notified; notified when the silence ends; resolved still sent after a notified firing', async () => {
    const channel = await insertChannel(t.db);
    const quiet = await insertRule(t.db, { ruleName: 'quiet', endpoint: 'a', notificationChannels: [channel.id] });
    const loud = await insertRule(t.db, { ruleName: 'loud', endpoint: 'b', severity: 'critical', notificationChannels: [channel.id] });
    await t.db.insert(alertSilences).values({ ruleId: quiet.id, startsAt: at(0), endsAt: at(3), reason: 'maintenance' });
    await tick(0, { a: 500, b: 20 });
    const silenced = await openAlert(t.db, quiet.id);
    expect(await eventTypes(t.db, silenced!.id)).toEqual(['fired', 'silenced']);
    expect(await outboxKinds(t.db)).toEqual([]);
    await tick(1, { a: 500, b: 500 }); // loud fires and pages
    await t.db.insert(alertSilences).values({ severity: 'critical', startsAt: at(2), endsAt: at(30), reason: 'known' });
    await tick(2, { a: 500, b: 500 });
    expect(await outboxKinds(t.db, silenced!.id)).toEqual([]);
    await tick(3, { a: 500, b: 20 }); // quiet's silence is over: it pages now; loud resolves under a silence
    expect(await outboxKinds(t.db, silenced!.id)).toEqual(['firing']);
    const [loudAlert] = await alertsOf(t.db, loud.id);
    expect(await outboxKinds(t.db, loudAlert!.id)).toEqual(['firing', 'resolved']);
  });

  it('silenced from fire to resolve: nothing is sent at all', async () => {
    const channel = await insertChannel(t.db);
    const rule = await insertRule(t.db, { endpoint: 'a', metricType: 'api_response_time', notificationChannels: [channel.id] });
    await t.db.insert(alertSilences).values({ metricType: 'api_response_time', startsAt: at(0), endsAt: at(10), reason: 'load test' });
    await tick(0, { a: 500 });
    await tick(1, { a: 10 });
    expect(await alertsOf(t.db, rule.id)).toHaveLength(1);
    expect(await outboxKinds(t.db)).toEqual([]);
  });

  it('inhibition: a firing critical holds the warnings of its group, not of other groups', async () => {
    const channel = await insertChannel(t.db);
    const critical = await insertRule(t.db, { ruleName: 'api down', endpoint: 'a', severity: 'critical', ruleGroup: 'api', notificationChannels: [channel.id] });
    const warning = await insertRule(t.db, { ruleName: 'api slow', endpoint: 'b', severity: 'warning', ruleGroup: 'api', notificationChannels: [channel.id] });
    const other = await insertRule(t.db, { ruleName: 'db slow', endpoint: 'c', severity: 'warning', ruleGroup: 'db', notificationChannels: [channel.id] });
    await tick(0, { a: 500, b: 500, c: 500 });
    const held = await openAlert(t.db, warning.id);
    expect(await eventTypes(t.db, held!.id)).toEqual(['fired', 'held']);
    expect(await outboxKinds(t.db, held!.id)).toEqual([]);
    expect(await outboxKinds(t.db, (await openAlert(t.db, critical.id))!.id)).toEqual(['firing']);
    expect(await outboxKinds(t.db, (await openAlert(t.db, other.id))!.id)).toEqual(['firing']);
    await tick(1, { a: 10, b: 500, c: 500 }); // the critical resolves: the warning pages now
    expect(await outboxKinds(t.db, held!.id)).toEqual(['firing']);
  });

  it('the database refuses a second open alert; the evaluator adopts the open one', async () => {
    const rule = await insertRule(t.db, { endpoint: 'a' });
    await tick(0, { a: 500 });
    await t.db.delete(alertRuleStates).where(eq(alertRuleStates.ruleId, rule.id)); // lost state
    await tick(1, { a: 500 });
    expect(await alertsOf(t.db, rule.id)).toHaveLength(1);
    await expect(t.db.insert(systemAlerts).values({ alertRuleId: rule.id, severity: 'warning', message: 'dup' })).rejects.toThrow();
  });

  it('an evaluation repeated at the same instant enqueues nothing twice', async () => {
    const channel = await insertChannel(t.db);
    await insertRule(t.db, { endpoint: 'a', notificationChannels: [channel.id] });
    await tick(0, { a: 500 });
    await evaluateRules(t.db, { now: at(0) });
    expect(await t.db.select().from(notificationOutbox)).toHaveLength(1);
  });

  it('monitor rules: down for N consecutive checks, resolved at the first good check', async () => {
    const [monitor] = await t.db.insert(monitors).values({ name: 'API', url: 'https://api.example/health' }).returning();
    const rule = await insertRule(t.db, { metricType: 'monitor_status', monitorId: monitor!.id, monitorCondition: 'down', monitorConsecutiveChecks: 3, severity: 'critical' });
    const check = (minute: number, status: 'up' | 'down' | 'degraded') =>
      insertMonitorChecks(t.db, [{ monitorId: monitor!.id, checkedAt: new Date(at(minute).getTime() - 2000), status }]);
    await check(0, 'down');
    await evaluateRules(t.db, { now: at(0) });
    await check(1, 'down');
    await evaluateRules(t.db, { now: at(1) });
    expect(await openAlert(t.db, rule.id)).toBeUndefined();
    await check(2, 'down');
    await evaluateRules(t.db, { now: at(2) });
    expect(await openAlert(t.db, rule.id)).toMatchObject({ value: 3, threshold: 3 });
    await check(3, 'degraded');
    await evaluateRules(t.db, { now: at(3) });
    expect(await openAlert(t.db, rule.id)).toBeUndefined();
  });
});

describe('reading rule values in batches', () => {
  it('combines 1-minute rollups with the raw tail, per endpoint and for all endpoints', async () => {
    const now = at(10);
    // Rolled-up minutes 5..8; the raw tail starts at minute 9.
    for (let m = 5; m < 9; m++) {
      await t.db.insert(metricRollups1m).values({ metricType: 'api_response_time', endpoint: 'a', bucketStart: at(m), count: 10, errors: 0, sum: 1000, min: 50, max: 150, histogram: { '232': 10 } });
    }
    await point(t.db, new Date(at(9).getTime() + 5000), 400, 'api_response_time', 'a');
    await point(t.db, new Date(at(9).getTime() + 6000), 10, 'api_response_time', 'b');
    await point(t.db, new Date(at(4).getTime() + 6000), 9999, 'api_response_time', 'a'); // outside the window, and already "rolled up"
    const rules = [
      { id: 'avg', metricType: 'api_response_time', endpoint: 'a', aggregation: 'avg', windowSeconds: 300 },
      { id: 'max', metricType: 'api_response_time', endpoint: 'a', aggregation: 'max', windowSeconds: 300 },
      { id: 'count-all', metricType: 'api_response_time', endpoint: null, aggregation: 'count', windowSeconds: 300 },
      { id: 'p99', metricType: 'api_response_time', endpoint: 'a', aggregation: 'p99', windowSeconds: 300 },
      { id: 'rate', metricType: 'api_response_time', endpoint: 'b', aggregation: 'rate', windowSeconds: 300 },
      { id: 'none', metricType: 'cpu_usage', endpoint: null, aggregation: 'avg', windowSeconds: 300 },
    ] as const;
    const values = await readRuleValues(t.db, rules, now);
    expect(values.get('avg')).toBeCloseTo(4400 / 41, 6);
    expect(values.get('max')).toBe(400);
    expect(values.get('count-all')).toBe(42);
    expect(values.get('p99')).toBeCloseTo(400, -1);
    expect(values.get('rate')).toBeCloseTo(1 / 300, 9);
    expect(values.get('none')).toBeNull();
  });
});
