import { z } from 'zod';
import type { AlertRule } from './types';
import { ruleInputSchema } from './schemas';

/** Form fields of the rule editor: one checkbox per channel, named "channel:<id>". */
export const CHANNEL_FIELD = 'channel:';

/**
 * The editor posts flat fields (what a form can send): each chosen channel as its own
 * checkbox and "isActive" as a checkbox that is absent when unticked. This turns them into
 * the shape ruleInputSchema reads.
 */
function fromForm(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const fields = raw as Record<string, unknown>;
  const channels = Object.keys(fields)
    .filter((key) => key.startsWith(CHANNEL_FIELD) && fields[key])
    .map((key) => key.slice(CHANNEL_FIELD.length));
  return { ...fields, notificationChannels: channels, isActive: fields.isActive === 'on' || fields.isActive === 'true' };
}

export const ruleFormSchema = z.preprocess(fromForm, ruleInputSchema);
export const updateRuleFormSchema = z.preprocess(fromForm, z.object({ ruleId: z.uuid('ruleNotFound') }).and(ruleInputSchema));
export const ruleIdSchema = z.object({ ruleId: z.uuid('ruleNotFound') });
export const setRuleActiveSchema = ruleIdSchema.extend({ active: z.enum(['true', 'false']).transform((v) => v === 'true') });

/** What a new rule's form starts with. */
export const NEW_RULE_FORM: Readonly<Record<string, string>> = {
  ruleName: '',
  description: '',
  kind: 'metric',
  metricType: 'api_response_time',
  endpoint: '',
  aggregation: 'avg',
  condition: 'greater_than',
  threshold: '',
  recoveryThreshold: '',
  windowSeconds: '300',
  pendingSeconds: '300',
  repeatIntervalSeconds: '',
  severity: 'warning',
  noDataState: 'keep',
  ruleGroup: '',
  monitorId: '',
  monitorCondition: 'down',
  monitorConsecutiveChecks: '3',
  isActive: 'on',
};

/** A stored rule as the editor's field values (the inverse of ruleFormSchema). */
export function ruleFormValues(rule: AlertRule): Record<string, string> {
  const monitor = rule.monitorId !== null;
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  return {
    ruleName: rule.ruleName,
    description: text(rule.description),
    kind: monitor ? 'monitor' : 'metric',
    metricType: monitor ? '' : rule.metricType,
    endpoint: text(rule.endpoint),
    aggregation: rule.aggregation,
    condition: rule.condition,
    threshold: monitor ? '' : text(rule.threshold),
    recoveryThreshold: text(rule.recoveryThreshold),
    windowSeconds: String(rule.windowSeconds),
    pendingSeconds: String(rule.pendingSeconds),
    repeatIntervalSeconds: text(rule.repeatIntervalSeconds),
    severity: rule.severity,
    noDataState: rule.noDataState,
    ruleGroup: text(rule.ruleGroup),
    monitorId: text(rule.monitorId),
    monitorCondition: rule.monitorCondition ?? 'down',
    monitorConsecutiveChecks: text(rule.monitorConsecutiveChecks ?? 3),
    ...(rule.isActive ? { isActive: 'on' } : {}),
    ...Object.fromEntries(rule.notificationChannels.map((id) => [`${CHANNEL_FIELD}${id}`, 'on'])),
  };
}
