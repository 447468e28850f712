import { z } from 'zod';
import { ALERT_AGGREGATIONS, MONITOR_CONDITIONS, NO_DATA_STATES, SEVERITIES } from '../../db/schema';

const optionalNumber = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), z.coerce.number({ error: 'numberInvalid' }).finite('numberInvalid').nullable());
const optionalText = z.preprocess((v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : typeof v === 'string' ? v.trim() : v), z.string().max(200, 'textTooLong').nullable());

/**
 * A rule as an admin edits it. Error messages are keys under "alertRules.errors", so the
 * form shows them in the reader's language.
 */
export const ruleInputSchema = z
  .object({
    ruleName: z.string().trim().min(1, 'nameRequired').max(120, 'nameTooLong'),
    description: optionalText,
    kind: z.enum(['metric', 'monitor'], 'choiceInvalid'),
    metricType: z.string().trim().max(100, 'metricRequired').default(''),
    endpoint: optionalText,
    aggregation: z.enum(ALERT_AGGREGATIONS, 'choiceInvalid'),
    condition: z.enum(['greater_than', 'less_than'], 'choiceInvalid'),
    threshold: optionalNumber,
    recoveryThreshold: optionalNumber,
    windowSeconds: z.coerce.number({ error: 'windowRange' }).int('windowRange').min(60, 'windowRange').max(86_400, 'windowRange'),
    pendingSeconds: z.coerce.number({ error: 'pendingRange' }).int('pendingRange').min(0, 'pendingRange').max(86_400, 'pendingRange'),
    repeatIntervalSeconds: z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), z.coerce.number({ error: 'repeatRange' }).int('repeatRange').min(300, 'repeatRange').max(604_800, 'repeatRange').nullable()),
    severity: z.enum(SEVERITIES, 'choiceInvalid'),
    noDataState: z.enum(NO_DATA_STATES, 'choiceInvalid'),
    ruleGroup: optionalText,
    monitorId: z.preprocess((v) => (v === '' ? null : v), z.uuid('monitorRequired').nullable().default(null)),
    monitorCondition: z.enum(MONITOR_CONDITIONS, 'choiceInvalid').default('down'),
    monitorConsecutiveChecks: z.coerce.number({ error: 'checksRange' }).int('checksRange').min(1, 'checksRange').max(100, 'checksRange').default(3),
    notificationChannels: z.array(z.uuid('channelInvalid')).max(20, 'channelInvalid').default([]),
    isActive: z.boolean().default(true),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'monitor') {
      if (!value.monitorId) ctx.addIssue({ code: 'custom', path: ['monitorId'], message: 'monitorRequired' });
      return;
    }
    if (!/^[a-z][a-z0-9_]{0,99}$/.test(value.metricType)) ctx.addIssue({ code: 'custom', path: ['metricType'], message: 'metricRequired' });
    if (value.threshold === null) ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'thresholdRequired' });
    if (value.threshold !== null && value.recoveryThreshold !== null) {
      const wrongSide = value.condition === 'greater_than' ? value.recoveryThreshold > value.threshold : value.recoveryThreshold < value.threshold;
      if (wrongSide) ctx.addIssue({ code: 'custom', path: ['recoveryThreshold'], message: 'recoverySide' });
    }
  });

export type RuleInput = z.infer<typeof ruleInputSchema>;

/** The alert_rules columns for an input (monitor rules keep the metric columns neutral). */
export function ruleColumns(input: RuleInput) {
  const monitor = input.kind === 'monitor';
  return {
    ruleName: input.ruleName,
    description: input.description,
    metricType: monitor ? 'monitor_status' : input.metricType,
    endpoint: monitor ? null : input.endpoint,
    aggregation: input.aggregation,
    condition: monitor ? ('greater_than' as const) : input.condition,
    threshold: monitor ? input.monitorConsecutiveChecks : (input.threshold ?? 0),
    recoveryThreshold: monitor ? null : input.recoveryThreshold,
    windowSeconds: input.windowSeconds,
    pendingSeconds: input.pendingSeconds,
    repeatIntervalSeconds: input.repeatIntervalSeconds,
    severity: input.severity,
    noDataState: input.noDataState,
    ruleGroup: input.ruleGroup,
    monitorId: monitor ? input.monitorId : null,
    monitorCondition: monitor ? input.monitorCondition : null,
    monitorConsecutiveChecks: monitor ? input.monitorConsecutiveChecks : null,
    notificationChannels: input.notificationChannels,
    isActive: input.isActive,
  };
}

export const silenceInputSchema = z
  .object({
    ruleId: z.preprocess((v) => (v === '' ? null : v), z.uuid().nullable().default(null)),
    severity: z.preprocess((v) => (v === '' ? null : v), z.enum(SEVERITIES).nullable().default(null)),
    metricType: optionalText.default(null),
    endsAt: z.coerce.date('endsAtInvalid'),
    reason: z.string().trim().min(1, 'reasonRequired').max(500),
  })
  .refine((v) => v.ruleId || v.severity || v.metricType, { path: ['ruleId'], message: 'matcherRequired' });

export type SilenceInput = z.infer<typeof silenceInputSchema>;
