import { eq } from 'drizzle-orm';
import { alertRules, alertRuleStates, notificationChannels, systemAlerts } from '../../db/schema';
import type { Db } from '../../db/types';
import { applyTransition, saveStates, type Hold, type Transition } from './apply';
import { readMonitorStreaks } from './read-monitors';
import { readRuleValues } from './read-metrics';
import { activeSilences, inhibitingGroups, matchingSilence } from './silences';
import { decide } from './state-machine';
import { INITIAL_STATE, type AlertRule, type Decision, type MachineState } from './types';

/** Rule transitions applied at once (each its own transaction); PGlite serialises them anyway. */
const TRANSITION_CONCURRENCY = 4;

export interface EvaluationResult {
  rules: number;
  fired: number;
  resolved: number;
  reminders: number;
  pending: number;
  firing: number;
  enqueued: number;
  durationMs: number;
  [key: string]: number;
}

/**
 * A monitor rule read as a metric rule: the value is the number of matching checks in a row,
 * it fires at N (> N - 1) and resolves once the latest check no longer matches (<= 0).
 */
function effectiveRule(rule: AlertRule): AlertRule {
  if (!rule.monitorId) return rule;
  const n = rule.monitorConsecutiveChecks ?? 1;
  return { ...rule, condition: 'greater_than', threshold: n - 1, recoveryThreshold: 0 };
}

function machineState(row: typeof alertRuleStates.$inferSelect | null): MachineState {
  if (!row) return INITIAL_STATE;
  return { state: row.state, pendingSince: row.pendingSince, firingSince: row.firingSince, lastNotifiedAt: row.lastNotifiedAt, openAlertId: row.openAlertId };
}

/**
 * Evaluates every active rule once, at `now`. Reads: rules with their state and open alert
 * (one query), silences, channels, one query per (metric type, window) group and one for all
 * monitor rules. Writes: each transition that opens, closes or notifies an alert in its own
 * transaction (alert + events + outbox + state), all other state changes in one statement.
 */
export async function evaluateRules(db: Db, { now }: { now: Date }): Promise<EvaluationResult> {
  const started = performance.now();
  const loaded = await db
    .select({ rule: alertRules, state: alertRuleStates, acknowledgedAt: systemAlerts.acknowledgedAt })
    .from(alertRules)
    .leftJoin(alertRuleStates, eq(alertRuleStates.ruleId, alertRules.id))
    .leftJoin(systemAlerts, eq(systemAlerts.id, alertRuleStates.openAlertId))
    .where(eq(alertRules.isActive, true));
  const [silences, channels] = await Promise.all([
    activeSilences(db, now),
    db.select({ id: notificationChannels.id }).from(notificationChannels).where(eq(notificationChannels.isActive, true)),
  ]);
  const activeChannels = new Set(channels.map((c) => c.id));
  const rules = loaded.map((row) => ({ ...row, rule: effectiveRule(row.rule) }));
  const [metricValues, monitorValues] = await Promise.all([
    readRuleValues(db, rules.filter((r) => !r.rule.monitorId).map((r) => r.rule), now),
    readMonitorStreaks(db, rules.filter((r) => r.rule.monitorId).map((r) => r.rule)),
  ]);

  // First pass without holds, to know which critical rules fire after this evaluation.
  const decided = rules.map((row) => {
    const value = (row.rule.monitorId ? monitorValues : metricValues).get(row.rule.id) ?? null;
    const state = machineState(row.state);
    const input = { rule: row.rule, state, observation: { value }, now, acknowledged: row.acknowledgedAt !== null };
    return { ...row, value, state, input, decision: decide({ ...input, held: false }) };
  });
  const firingCritical = decided.filter((d) => d.decision.next.state === 'firing').map((d) => d.rule);
  const inhibited = inhibitingGroups(firingCritical);
  const criticalByGroup = new Map(firingCritical.filter((r) => r.severity === 'critical' && r.ruleGroup).map((r) => [r.ruleGroup!, r.id]));

  const result: EvaluationResult = { rules: rules.length, fired: 0, resolved: 0, reminders: 0, pending: 0, firing: 0, enqueued: 0, durationMs: 0 };
  const batch: { ruleId: string; next: MachineState; value: number | null }[] = [];
  const transitions: Transition[] = [];
  for (const d of decided) {
    const silence = matchingSilence(d.rule, silences);
    const inhibitedBy = d.rule.severity === 'warning' && d.rule.ruleGroup && inhibited.has(d.rule.ruleGroup) ? criticalByGroup.get(d.rule.ruleGroup)! : null;
    const hold: Hold = { silenceId: silence?.id ?? null, inhibitedBy };
    const decision: Decision = hold.silenceId || hold.inhibitedBy ? decide({ ...d.input, held: true }) : d.decision;
    if (decision.next.state === 'pending') result.pending += 1;
    if (decision.next.state === 'firing') result.firing += 1;
    if (decision.action === 'none' || decision.action === 'state') {
      batch.push({ ruleId: d.rule.id, next: decision.next, value: d.value });
      continue;
    }
    const channelIds = d.rule.notificationChannels.filter((id) => activeChannels.has(id));
    transitions.push({ rule: d.rule, decision, previous: d.state, value: d.value, channelIds, hold, now });
  }
  // Transitions are independent transactions (one per rule): a few at a time, so an outage
  // that fires hundreds of rules at once does not take hundreds of round-trip chains in a row.
  let next = 0;
  const worker = async () => {
    while (next < transitions.length) {
      const t = transitions[next++]!;
      const applied = await applyTransition(db, t);
      result.enqueued += applied.enqueued;
      if (t.decision.action === 'fire') result.fired += 1;
      if (t.decision.action === 'resolve') result.resolved += 1;
      if (t.decision.action === 'remind') result.reminders += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(TRANSITION_CONCURRENCY, transitions.length) }, worker));
  await saveStates(db, batch, now);
  result.durationMs = Math.round(performance.now() - started);
  return result;
}
