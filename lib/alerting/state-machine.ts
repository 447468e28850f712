import type { AlertRule, Decision, MachineState, Observation } from './types';

type RuleFields = Pick<AlertRule, 'condition' | 'threshold' | 'recoveryThreshold' | 'pendingSeconds' | 'repeatIntervalSeconds' | 'noDataState'>;

const crosses = (condition: RuleFields['condition'], value: number, limit: number) =>
  condition === 'greater_than' ? value > limit : value < limit;

/**
 * Whether the rule is in breach, or undefined for "no data, keep the state". A firing rule
 * stays in breach until the value is past the recovery threshold (hysteresis), so a value
 * hovering at the threshold does not flap between fired and resolved.
 */
export function inBreach(rule: RuleFields, current: MachineState['state'], observation: Observation): boolean | undefined {
  if (observation.value === null) {
    if (rule.noDataState === 'ok') return false;
    if (rule.noDataState === 'alert') return true;
    return undefined;
  }
  if (current === 'firing' && rule.recoveryThreshold !== null) return crosses(rule.condition, observation.value, rule.recoveryThreshold);
  return crosses(rule.condition, observation.value, rule.threshold);
}

export interface DecideInput {
  rule: RuleFields;
  state: MachineState;
  observation: Observation;
  now: Date;
  /** Notifications for this rule are held now (silenced or inhibited). */
  held: boolean;
  /** The open alert was acknowledged: someone is on it, so no more reminders. */
  acknowledged: boolean;
}

/**
 * The state machine ok -> pending -> firing -> ok, pure: the evaluator applies the decision
 * in one transaction. Pending lasts `pendingSeconds` of continuous breach (0: fire at once).
 */
export function decide({ rule, state, observation, now, held, acknowledged }: DecideInput): Decision {
  const breach = inBreach(rule, state.state, observation);
  const at = now.getTime();
  if (breach === undefined) {
    // No data, keep: a firing rule still reminds, nothing else moves.
    return state.state === 'firing' ? whileFiring(rule, state, now, held, acknowledged, true) : { action: 'none', next: state, breach: false };
  }
  switch (state.state) {
    case 'ok':
      if (!breach) return { action: 'none', next: state, breach };
      if (rule.pendingSeconds <= 0) return fire(state, now, null, breach);
      return { action: 'state', next: { ...state, state: 'pending', pendingSince: now }, breach };
    case 'pending':
      if (!breach) return { action: 'state', next: { ...state, state: 'ok', pendingSince: null }, breach };
      if (state.pendingSince && at - state.pendingSince.getTime() >= rule.pendingSeconds * 1000) return fire(state, now, state.pendingSince, breach);
      return { action: 'none', next: state, breach };
    case 'firing':
      if (!breach) return { action: 'resolve', next: { state: 'ok', pendingSince: null, firingSince: null, lastNotifiedAt: null, openAlertId: null }, breach };
      return whileFiring(rule, state, now, held, acknowledged, breach);
  }
}

function fire(state: MachineState, now: Date, pendingSince: Date | null, breach: boolean): Decision {
  return { action: 'fire', next: { ...state, state: 'firing', pendingSince, firingSince: now }, breach };
}

function whileFiring(rule: RuleFields, state: MachineState, now: Date, held: boolean, acknowledged: boolean, breach: boolean): Decision {
  if (held) return { action: 'none', next: state, breach };
  // Fired while silenced or inhibited and never notified: the hold is over, page now.
  if (state.lastNotifiedAt === null) return { action: 'notify', next: { ...state, lastNotifiedAt: now }, breach };
  const repeatMs = (rule.repeatIntervalSeconds ?? 0) * 1000;
  if (repeatMs > 0 && !acknowledged && now.getTime() - state.lastNotifiedAt.getTime() >= repeatMs) {
    return { action: 'remind', next: { ...state, lastNotifiedAt: now }, breach };
  }
  return { action: 'none', next: state, breach };
}
