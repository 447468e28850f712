import type { alertRuleStates } from '../../db/schema';
import type { AlertRule } from '../../db/schema';

export type RuleState = typeof alertRuleStates.$inferSelect;
export type { AlertRule };

/** What one evaluation saw for a rule: a value, or no data in the window. */
export type Observation = { value: number } | { value: null };

/** The rule's state as the machine needs it (a rule never evaluated is 'ok'). */
export interface MachineState {
  state: 'ok' | 'pending' | 'firing';
  pendingSince: Date | null;
  firingSince: Date | null;
  lastNotifiedAt: Date | null;
  openAlertId: string | null;
}

export const INITIAL_STATE: MachineState = { state: 'ok', pendingSince: null, firingSince: null, lastNotifiedAt: null, openAlertId: null };

/**
 * What an evaluation decided for a rule. 'fire' opens an alert, 'resolve' closes it,
 * 'remind' sends a reminder, 'notify' sends a firing notice held back earlier (silence or
 * inhibition that has ended), 'state' only changes ok/pending bookkeeping, 'none' nothing.
 */
export type Decision =
  | { action: 'none' | 'state'; next: MachineState; breach: boolean }
  | { action: 'fire' | 'resolve' | 'remind' | 'notify'; next: MachineState; breach: boolean };
