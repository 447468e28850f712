import { describe, expect, it } from 'vitest';
import type { AlertRule } from './types';
import { NEW_RULE_FORM, ruleFormSchema, ruleFormValues, updateRuleFormSchema } from './rule-form';
import { ruleColumns } from './schemas';

const CHANNEL_A = '0b6f3f57-3c4e-4c1e-9a55-1c1f2b3c4d5e';
const CHANNEL_B = '7d1c9a2e-5b6f-4a3d-8e9f-0a1b2c3d4e5f';

const filled = { ...NEW_RULE_FORM, ruleName: 'Slow API', threshold: '250', pendingSeconds: '0' };

describe('rule editor form fields', () => {
  it('reads each ticked channel checkbox and the active checkbox', () => {
    const input = ruleFormSchema.parse({ ...filled, [`channel:${CHANNEL_A}`]: 'on', [`channel:${CHANNEL_B}`]: 'on' });
    expect(input.notificationChannels).toEqual([CHANNEL_A, CHANNEL_B]);
    expect(input.isActive).toBe(true);
    const withoutActive: Record<string, string> = { ...filled };
    delete withoutActive.isActive;
    expect(ruleFormSchema.parse(withoutActive)).toMatchObject({ isActive: false, notificationChannels: [] });
  });

  it('names the field of each bad value with a message key of alertRules.errors', () => {
    const result = ruleFormSchema.safeParse({ ...filled, ruleName: ' ', threshold: 'lots', windowSeconds: 'abc', repeatIntervalSeconds: '10', severity: 'panic', 'channel:not-a-uuid': 'on' });
    const issues = Object.fromEntries(result.error!.issues.map((issue) => [String(issue.path[0]), issue.message]));
    expect(issues).toEqual({
      ruleName: 'nameRequired',
      threshold: 'numberInvalid',
      windowSeconds: 'windowRange',
      repeatIntervalSeconds: 'repeatRange',
      severity: 'choiceInvalid',
      notificationChannels: 'channelInvalid',
    });
  });

  it('an edit needs the rule id', () => {
    expect(updateRuleFormSchema.safeParse({ ...filled, ruleId: 'x' }).error?.issues.map((i) => i.message)).toEqual(['ruleNotFound']);
    expect(updateRuleFormSchema.parse({ ...filled, ruleId: CHANNEL_A })).toMatchObject({ ruleId: CHANNEL_A, ruleName: 'Slow API', threshold: 250 });
  });

  it('a stored rule fills the form with what saving it again would store', () => {
    const input = ruleFormSchema.parse({ ...filled, endpoint: 'POST /api/v1/metrics', recoveryThreshold: '200', repeatIntervalSeconds: '3600', ruleGroup: 'api', [`channel:${CHANNEL_B}`]: 'on' });
    const stored = { ...ruleColumns(input), id: CHANNEL_A, createdBy: null, createdAt: new Date(), updatedAt: new Date() } satisfies AlertRule;
    const values = ruleFormValues(stored);
    expect(values).toMatchObject({ kind: 'metric', threshold: '250', recoveryThreshold: '200', isActive: 'on', [`channel:${CHANNEL_B}`]: 'on' });
    expect(ruleColumns(ruleFormSchema.parse(values))).toEqual(ruleColumns(input));

    const disabledMonitorRule = { ...stored, metricType: 'monitor_status', monitorId: CHANNEL_B, monitorCondition: 'degraded' as const, monitorConsecutiveChecks: 5, isActive: false };
    const monitorValues = ruleFormValues(disabledMonitorRule);
    expect(monitorValues).toMatchObject({ kind: 'monitor', monitorId: CHANNEL_B, monitorCondition: 'degraded', monitorConsecutiveChecks: '5' });
    expect(monitorValues).not.toHaveProperty('isActive');
    expect(ruleFormSchema.parse(monitorValues)).toMatchObject({ kind: 'monitor', isActive: false, monitorConsecutiveChecks: 5 });
  });
});
