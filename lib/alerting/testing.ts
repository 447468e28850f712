import { and, eq } from 'drizzle-orm';
import { ALERT_EVENT_TYPES, alertEvents, alertRules, notificationChannels, notificationOutbox, productionMetrics, systemAlerts } from '../../db/schema';
import type { Db } from '../../db/types';

/** Helpers for alerting tests: rules, channels and metric points on a real test database. */
export type RuleInsert = typeof alertRules.$inferInsert;

export async function insertRule(db: Db, overrides: Partial<RuleInsert> = {}) {
  const [rule] = await db
    .insert(alertRules)
    .values({ ruleName: 'High latency', metricType: 'api_response_time', threshold: 100, condition: 'greater_than', aggregation: 'avg', windowSeconds: 60, ...overrides })
    .returning();
  return rule!;
}

export async function insertChannel(db: Db, overrides: Partial<typeof notificationChannels.$inferInsert> = {}) {
  const [channel] = await db.insert(notificationChannels).values({ name: 'Ops', type: 'webhook', secretConfig: 'test', ...overrides }).returning();
  return channel!;
}

export async function point(db: Db, at: Date, value: number, metricType = 'api_response_time', endpoint: string | null = null) {
  await db.insert(productionMetrics).values({ metricType, metricValue: value, endpoint, recordedAt: at });
}

export async function outboxKinds(db: Db, alertId?: string) {
  const rows = await db
    .select({ kind: notificationOutbox.kind, channelId: notificationOutbox.channelId, alertId: notificationOutbox.alertId })
    .from(notificationOutbox)
    .where(alertId ? eq(notificationOutbox.alertId, alertId) : undefined)
    .orderBy(notificationOutbox.createdAt);
  return rows.map((r) => r.kind);
}

export async function alertsOf(db: Db, ruleId: string) {
  return db.select().from(systemAlerts).where(eq(systemAlerts.alertRuleId, ruleId)).orderBy(systemAlerts.createdAt);
}

export async function openAlert(db: Db, ruleId: string) {
  const [row] = await db.select().from(systemAlerts).where(and(eq(systemAlerts.alertRuleId, ruleId), eq(systemAlerts.resolved, false)));
  return row;
}

export async function eventTypes(db: Db, alertId: string) {
  const rows = await db.select({ type: alertEvents.type, at: alertEvents.at }).from(alertEvents).where(eq(alertEvents.alertId, alertId));
  // Events of one instant in their lifecycle order (ids are random).
  const rank = (type: string) => (ALERT_EVENT_TYPES as readonly string[]).indexOf(type);
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a.type) - rank(b.type)).map((r) => r.type);
}
