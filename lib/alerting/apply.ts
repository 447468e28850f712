import { and, eq, sql } from 'drizzle-orm';
import { alertEvents, alertRuleStates, systemAlerts } from '../../db/schema';
import type { Db, DbOrTx } from '../../db/types';
import { enqueueNotification } from '../notifications/enqueue';
import type { NotificationPayload } from '../notifications/payload';
import type { AlertRule, Decision, MachineState } from './types';

export interface Hold {
  silenceId: string | null;
  inhibitedBy: string | null;
}

export interface Transition {
  rule: AlertRule;
  decision: Decision;
  previous: MachineState;
  value: number | null;
  /** Channels of the rule that exist and are active. */
  channelIds: string[];
  hold: Hold;
  now: Date;
}

export function ruleMessage(rule: AlertRule, value: number | null): string {
  if (rule.monitorId) return `${rule.ruleName}: monitor ${rule.monitorCondition} for ${value ?? 0} checks`;
  const shown = value === null ? 'no data' : String(Math.round(value * 1000) / 1000);
  return `${rule.ruleName}: ${rule.aggregation}(${rule.metricType}) = ${shown} (${rule.condition === 'greater_than' ? '>' : '<'} ${rule.threshold})`;
}

function payloadFor(t: Transition, kind: NotificationPayload['kind'], alertId: string, firedAt: Date | null): NotificationPayload {
  return {
    kind,
    alertId,
    ruleId: t.rule.id,
    ruleName: t.rule.ruleName,
    severity: t.rule.severity,
    metricType: t.rule.metricType,
    endpoint: t.rule.endpoint,
    aggregation: t.rule.aggregation,
    condition: t.rule.condition,
    value: t.value,
    threshold: t.rule.threshold,
    at: t.now.toISOString(),
    firedAt: firedAt?.toISOString() ?? null,
    monitor: t.rule.monitorId && t.rule.monitorCondition ? { condition: t.rule.monitorCondition, checks: t.rule.monitorConsecutiveChecks ?? 1 } : null,
  };
}

export async function saveState(tx: DbOrTx, ruleId: string, next: MachineState, value: number | null, now: Date) {
  const values = {
    state: next.state,
    pendingSince: next.pendingSince,
    firingSince: next.firingSince,
    openAlertId: next.openAlertId,
    lastNotifiedAt: next.lastNotifiedAt,
    lastValue: value,
    lastEvaluatedAt: now,
  };
  await tx.insert(alertRuleStates).values({ ruleId, ...values }).onConflictDoUpdate({ target: alertRuleStates.ruleId, set: values });
}

const held = (hold: Hold) => hold.silenceId !== null || hold.inhibitedBy !== null;

/**
 * Applies a decision that opens, closes or notifies an alert: alert row, timeline events,
 * outbox rows and the rule's state in ONE transaction, so a page is never enqueued for an
 * alert that did not commit, and an alert never commits without its page.
 * Returns the number of notifications enqueued.
 */
export async function applyTransition(db: Db, t: Transition): Promise<{ enqueued: number; alertId: string | null }> {
  return db.transaction(async (tx) => {
    switch (t.decision.action) {
      case 'fire':
        return fire(tx, t);
      case 'resolve':
        return resolve(tx, t);
      case 'remind':
      case 'notify': {
        const alertId = t.previous.openAlertId;
        if (!alertId) return { enqueued: 0, alertId: null };
        const kind = t.decision.action === 'remind' ? 'reminder' : 'firing';
        const enqueued = await enqueueNotification(tx, payloadFor(t, kind, alertId, t.previous.firingSince), t.channelIds, t.now);
        if (t.decision.action === 'remind') await tx.insert(alertEvents).values({ alertId, at: t.now, type: 'reminder', detail: { channels: t.channelIds.length } });
        await saveState(tx, t.rule.id, t.decision.next, t.value, t.now);
        return { enqueued, alertId };
      }
      default:
        await saveState(tx, t.rule.id, t.decision.next, t.value, t.now);
        return { enqueued: 0, alertId: null };
    }
  });
}

async function fire(tx: DbOrTx, t: Transition) {
  const threshold = t.rule.monitorId ? (t.rule.monitorConsecutiveChecks ?? 1) : t.rule.threshold;
  // The partial unique index allows one open alert per rule: if one is open already (a
  // state row lost, or a second evaluator), adopt it instead of paging twice.
  const [inserted] = await tx
    .insert(systemAlerts)
    .values({ alertRuleId: t.rule.id, severity: t.rule.severity, message: ruleMessage(t.rule, t.value), value: t.value, threshold, createdAt: t.now })
    .onConflictDoNothing()
    .returning({ id: systemAlerts.id });
  if (!inserted) {
    const [open] = await tx
      .select({ id: systemAlerts.id })
      .from(systemAlerts)
      .where(and(eq(systemAlerts.alertRuleId, t.rule.id), eq(systemAlerts.resolved, false)));
    await saveState(tx, t.rule.id, { ...t.decision.next, openAlertId: open?.id ?? null, lastNotifiedAt: t.previous.lastNotifiedAt ?? t.now }, t.value, t.now);
    return { enqueued: 0, alertId: open?.id ?? null };
  }
  const alertId = inserted.id;
  const events: (typeof alertEvents.$inferInsert)[] = [];
  if (t.decision.next.pendingSince) events.push({ alertId, at: t.decision.next.pendingSince, type: 'pending', detail: { pendingSeconds: t.rule.pendingSeconds } });
  events.push({ alertId, at: t.now, type: 'fired', detail: { value: t.value, threshold } });
  if (t.hold.silenceId) events.push({ alertId, at: t.now, type: 'silenced', detail: { silenceId: t.hold.silenceId } });
  else if (t.hold.inhibitedBy) events.push({ alertId, at: t.now, type: 'held', detail: { inhibitedBy: t.hold.inhibitedBy } });
  await tx.insert(alertEvents).values(events);
  const enqueued = held(t.hold) ? 0 : await enqueueNotification(tx, payloadFor(t, 'firing', alertId, t.now), t.channelIds, t.now);
  await saveState(tx, t.rule.id, { ...t.decision.next, openAlertId: alertId, lastNotifiedAt: held(t.hold) ? null : t.now }, t.value, t.now);
  return { enqueued, alertId };
}

async function resolve(tx: DbOrTx, t: Transition) {
  const alertId = t.previous.openAlertId;
  let enqueued = 0;
  if (alertId) {
    // Only the evaluation that actually closes the alert announces it: resolved goes out once.
    const closed = await tx
      .update(systemAlerts)
      .set({ resolved: true, resolvedAt: t.now })
      .where(and(eq(systemAlerts.id, alertId), eq(systemAlerts.resolved, false)))
      .returning({ id: systemAlerts.id });
    if (closed.length > 0) {
      await tx.insert(alertEvents).values({ alertId, at: t.now, type: 'resolved', detail: { value: t.value } });
      // Silenced or not now: whoever was paged for the firing is told it is over.
      if (t.previous.lastNotifiedAt) enqueued = await enqueueNotification(tx, payloadFor(t, 'resolved', alertId, t.previous.firingSince), t.channelIds, t.now);
    }
  }
  await saveState(tx, t.rule.id, t.decision.next, t.value, t.now);
  return { enqueued, alertId };
}

/** Ok/pending bookkeeping for many rules in one statement (no alert, no outbox). */
export async function saveStates(db: DbOrTx, rows: { ruleId: string; next: MachineState; value: number | null }[], now: Date) {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      rule_id: r.ruleId,
      state: r.next.state,
      pending_since: r.next.pendingSince?.toISOString() ?? null,
      firing_since: r.next.firingSince?.toISOString() ?? null,
      open_alert_id: r.next.openAlertId,
      last_notified_at: r.next.lastNotifiedAt?.toISOString() ?? null,
      last_value: r.value,
    })),
  );
  await db.execute(sql`
    insert into alert_rule_states (rule_id, state, pending_since, firing_since, open_alert_id, last_notified_at, last_value, last_evaluated_at)
    select rule_id, state, pending_since, firing_since, open_alert_id, last_notified_at, last_value, ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${json}::jsonb) as x(rule_id uuid, state text, pending_since timestamptz, firing_since timestamptz,
                                                 open_alert_id uuid, last_notified_at timestamptz, last_value numeric)
    on conflict (rule_id) do update set state = excluded.state, pending_since = excluded.pending_since,
      firing_since = excluded.firing_since, open_alert_id = excluded.open_alert_id,
      last_notified_at = excluded.last_notified_at, last_value = excluded.last_value, last_evaluated_at = excluded.last_evaluated_at`);
}
