import { and, eq, isNull } from 'drizzle-orm';
import { alertEvents, alertRules, alertRuleStates, alertSilences, systemAlerts, userRoles } from '../../db/schema';
import type { Db } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import { invalid, notFound } from '../errors/service-error';
import { ruleColumns, type RuleInput, type SilenceInput } from './schemas';

const userId = (context: MutationContext) => (context.actor.type === 'user' ? context.actor.id : null);

/** Rule changes, each audited in the transaction of the change. */
export async function createRule(db: Db, context: MutationContext, input: RuleInput) {
  return db.transaction(async (tx) => {
    // alert_rules.created_by points at the creator's user_roles row (the brief's schema), not users.
    const actorId = userId(context);
    const [creator] = actorId ? await tx.select({ id: userRoles.id }).from(userRoles).where(eq(userRoles.userId, actorId)) : [];
    const [rule] = await tx.insert(alertRules).values({ ...ruleColumns(input), createdBy: creator?.id ?? null }).returning();
    await recordAudit(tx, context, { action: 'alert_rule.create', target: { type: 'alert_rule', id: rule!.id }, after: ruleColumns(input) });
    return rule!;
  });
}

export async function updateRule(db: Db, context: MutationContext, id: string, input: RuleInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(alertRules).where(eq(alertRules.id, id)).for('update');
    if (!before) throw notFound('ruleNotFound');
    const [rule] = await tx.update(alertRules).set({ ...ruleColumns(input), updatedAt: new Date() }).where(eq(alertRules.id, id)).returning();
    await recordAudit(tx, context, { action: 'alert_rule.update', target: { type: 'alert_rule', id }, before, after: rule });
    return rule!;
  });
}

/** Deleting a rule resolves its open alert first: an alert nobody can resolve would page forever. */
export async function deleteRule(db: Db, context: MutationContext, id: string, now = new Date()) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(alertRules).where(eq(alertRules.id, id)).for('update');
    if (!before) throw notFound('ruleNotFound');
    const open = await tx.update(systemAlerts).set({ resolved: true, resolvedAt: now }).where(and(eq(systemAlerts.alertRuleId, id), eq(systemAlerts.resolved, false))).returning({ id: systemAlerts.id });
    if (open.length) await tx.insert(alertEvents).values(open.map((a) => ({ alertId: a.id, at: now, type: 'resolved' as const, actorId: userId(context), detail: { reason: 'rule_deleted' } })));
    await tx.delete(alertRules).where(eq(alertRules.id, id));
    await recordAudit(tx, context, { action: 'alert_rule.delete', target: { type: 'alert_rule', id }, before });
  });
}

export async function setRuleActive(db: Db, context: MutationContext, id: string, active: boolean) {
  await db.transaction(async (tx) => {
    const [rule] = await tx.update(alertRules).set({ isActive: active, updatedAt: new Date() }).where(eq(alertRules.id, id)).returning({ id: alertRules.id });
    if (!rule) throw notFound('ruleNotFound');
    await recordAudit(tx, context, { action: active ? 'alert_rule.enable' : 'alert_rule.disable', target: { type: 'alert_rule', id } });
  });
}

/** Acknowledge: someone is on it (stops reminders); the comment goes on the timeline. */
export async function acknowledgeAlert(db: Db, context: MutationContext, { alertId, comment }: { alertId: string; comment: string | null }, now = new Date()) {
  await db.transaction(async (tx) => {
    const [alert] = await tx
      .update(systemAlerts)
      .set({ acknowledgedAt: now, acknowledgedBy: userId(context) })
      .where(and(eq(systemAlerts.id, alertId), eq(systemAlerts.resolved, false), isNull(systemAlerts.acknowledgedAt)))
      .returning({ id: systemAlerts.id });
    if (!alert) throw invalid('alertNotOpen');
    await tx.insert(alertEvents).values({ alertId, at: now, type: 'acknowledged', actorId: userId(context), detail: comment ? { comment } : null });
    await recordAudit(tx, context, { action: 'alert.acknowledge', target: { type: 'alert', id: alertId }, after: { comment } });
  });
}

/**
 * Resolve by hand. The rule goes back to ok; if it is still in breach it will fire again
 * (after its pending time) as a new alert, which is what an operator who resolves expects.
 */
export async function resolveAlert(db: Db, context: MutationContext, { alertId, comment }: { alertId: string; comment: string | null }, now = new Date()) {
  await db.transaction(async (tx) => {
    const [alert] = await tx
      .update(systemAlerts)
      .set({ resolved: true, resolvedAt: now })
      .where(and(eq(systemAlerts.id, alertId), eq(systemAlerts.resolved, false)))
      .returning({ id: systemAlerts.id, ruleId: systemAlerts.alertRuleId });
    if (!alert) throw invalid('alertNotOpen');
    if (alert.ruleId) {
      await tx
        .update(alertRuleStates)
        .set({ state: 'ok', pendingSince: null, firingSince: null, openAlertId: null, lastNotifiedAt: null })
        .where(and(eq(alertRuleStates.ruleId, alert.ruleId), eq(alertRuleStates.openAlertId, alertId)));
    }
    await tx.insert(alertEvents).values({ alertId, at: now, type: 'resolved', actorId: userId(context), detail: { manual: true, ...(comment ? { comment } : {}) } });
    await recordAudit(tx, context, { action: 'alert.resolve', target: { type: 'alert', id: alertId }, after: { comment } });
  });
}

export async function createSilence(db: Db, context: MutationContext, input: SilenceInput, now = new Date()) {
  if (input.endsAt.getTime() <= now.getTime()) throw invalid('endsAtPast', 'endsAt');
  return db.transaction(async (tx) => {
    const [silence] = await tx.insert(alertSilences).values({ ...input, startsAt: now, createdBy: userId(context) }).returning();
    await recordAudit(tx, context, { action: 'silence.create', target: { type: 'silence', id: silence!.id }, after: input });
    return silence!;
  });
}

export async function cancelSilence(db: Db, context: MutationContext, id: string, now = new Date()) {
  await db.transaction(async (tx) => {
    const [silence] = await tx.update(alertSilences).set({ cancelledAt: now }).where(and(eq(alertSilences.id, id), isNull(alertSilences.cancelledAt))).returning({ id: alertSilences.id });
    if (!silence) throw notFound();
    await recordAudit(tx, context, { action: 'silence.cancel', target: { type: 'silence', id } });
  });
}
