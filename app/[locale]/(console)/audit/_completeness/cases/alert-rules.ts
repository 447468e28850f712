import { createRule } from '@/lib/alerting/manage';
import { NEW_RULE_FORM, ruleFormSchema } from '@/lib/alerting/rule-form';
import type { CompletenessCase, Harness } from '../harness';

const RULES = 'app/[locale]/(console)/alerts/rules/actions.ts';
const fields = { ...NEW_RULE_FORM, ruleName: 'Slow API', threshold: '250', pendingSeconds: '0' };

async function seedRule(h: Harness) {
  return createRule(h.db, { actor: { type: 'system', id: 'completeness' }, request: {} }, ruleFormSchema.parse(fields));
}

/** Alerts > Rules (issue 4): every rule change is audited in the transaction of the change. */
export const alertRuleCases: CompletenessCase[] = [
  {
    id: `${RULES}#createRuleAction`,
    expect: { action: 'alert_rule.create' },
    run: async (h) => {
      const { createRuleAction } = await import('@/app/[locale]/(console)/alerts/rules/actions');
      await h.expectRedirect(() => h.submit(createRuleAction, fields));
    },
  },
  {
    id: `${RULES}#updateRuleAction`,
    expect: { action: 'alert_rule.update' },
    run: async (h) => {
      const rule = await seedRule(h);
      const { updateRuleAction } = await import('@/app/[locale]/(console)/alerts/rules/actions');
      await h.submit(updateRuleAction, { ...fields, ruleId: rule.id, threshold: '300' });
    },
  },
  {
    id: `${RULES}#setRuleActiveAction`,
    expect: { action: 'alert_rule.disable' },
    run: async (h) => {
      const rule = await seedRule(h);
      const { setRuleActiveAction } = await import('@/app/[locale]/(console)/alerts/rules/actions');
      await h.submit(setRuleActiveAction, { ruleId: rule.id, active: 'false' });
    },
  },
  {
    id: `${RULES}#deleteRuleAction`,
    expect: { action: 'alert_rule.delete' },
    run: async (h) => {
      const rule = await seedRule(h);
      const { deleteRuleAction } = await import('@/app/[locale]/(console)/alerts/rules/actions');
      await h.expectRedirect(() => h.submit(deleteRuleAction, { ruleId: rule.id }));
    },
  },
];
