import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alertEvents, alertRules, notificationAttempts, notificationChannels, notificationOutbox, systemAlerts, users } from '../../db/schema';
import type { DbOrTx } from '../../db/types';

export interface AlertFilters {
  severity?: 'info' | 'warning' | 'critical';
  status?: 'open' | 'acknowledged' | 'resolved';
  ruleId?: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

/** Open alerts first (critical before warning before info), then history, newest first. */
export async function listAlerts(db: DbOrTx, filters: AlertFilters = {}) {
  const where: SQL[] = [];
  if (filters.severity) where.push(eq(systemAlerts.severity, filters.severity));
  if (filters.status === 'open') where.push(eq(systemAlerts.resolved, false));
  if (filters.status === 'acknowledged') where.push(and(eq(systemAlerts.resolved, false), sql`${systemAlerts.acknowledgedAt} is not null`)!);
  if (filters.status === 'resolved') where.push(eq(systemAlerts.resolved, true));
  if (filters.ruleId) where.push(eq(systemAlerts.alertRuleId, filters.ruleId));
  if (filters.from) where.push(gte(systemAlerts.createdAt, filters.from));
  if (filters.to) where.push(lt(systemAlerts.createdAt, filters.to));
  return db
    .select({ alert: systemAlerts, ruleName: alertRules.ruleName })
    .from(systemAlerts)
    .leftJoin(alertRules, eq(alertRules.id, systemAlerts.alertRuleId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(systemAlerts.resolved), sql`case ${systemAlerts.severity} when 'critical' then 0 when 'warning' then 1 else 2 end`, desc(systemAlerts.createdAt))
    .limit(Math.min(filters.limit ?? 100, 500));
}

/** An alert with its timeline and, per channel, the notifications and their attempts. */
export async function alertDetail(db: DbOrTx, alertId: string) {
  const [row] = await db
    .select({ alert: systemAlerts, rule: alertRules, acknowledgedByEmail: users.email })
    .from(systemAlerts)
    .leftJoin(alertRules, eq(alertRules.id, systemAlerts.alertRuleId))
    .leftJoin(users, eq(users.id, systemAlerts.acknowledgedBy))
    .where(eq(systemAlerts.id, alertId));
  if (!row) return undefined;
  const events = await db
    .select({ event: alertEvents, actorEmail: users.email })
    .from(alertEvents)
    .leftJoin(users, eq(users.id, alertEvents.actorId))
    .where(eq(alertEvents.alertId, alertId))
    .orderBy(asc(alertEvents.at));
  const notifications = await db
    .select({ outbox: notificationOutbox, channelName: notificationChannels.name, channelType: notificationChannels.type })
    .from(notificationOutbox)
    .innerJoin(notificationChannels, eq(notificationChannels.id, notificationOutbox.channelId))
    .where(eq(notificationOutbox.alertId, alertId))
    .orderBy(asc(notificationOutbox.createdAt));
  const attempts = notifications.length
    ? await db
        .select()
        .from(notificationAttempts)
        .where(inArray(notificationAttempts.outboxId, notifications.map((n) => n.outbox.id)))
        .orderBy(asc(notificationAttempts.attemptedAt))
    : [];
  return {
    ...row,
    events,
    notifications: notifications.map((n) => ({ ...n, attempts: attempts.filter((a) => a.outboxId === n.outbox.id) })),
  };
}

/** Open alerts by severity, for the console header. One indexed aggregate. */
export async function openAlertCounts(db: DbOrTx): Promise<Record<'info' | 'warning' | 'critical', number>> {
  const rows = await db
    .select({ severity: systemAlerts.severity, n: sql<number>`count(*)::int` })
    .from(systemAlerts)
    .where(eq(systemAlerts.resolved, false))
    .groupBy(systemAlerts.severity);
  const counts = { info: 0, warning: 0, critical: 0 };
  for (const row of rows) counts[row.severity] = Number(row.n);
  return counts;
}

export async function listRules(db: DbOrTx) {
  return db.select().from(alertRules).orderBy(asc(alertRules.ruleName));
}
