'use server';

import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { redirect } from '@/app/_i18n/navigation';
import { formAction } from '@/app/_server/form-action';
import { createRule, deleteRule, setRuleActive, updateRule } from '@/lib/alerting/manage';
import { ruleFormSchema, ruleIdSchema, setRuleActiveSchema, updateRuleFormSchema } from '@/lib/alerting/rule-form';

const MESSAGES = 'alertRules.errors';

function revalidateRules() {
  revalidatePath('/[locale]/alerts', 'layout');
}

/** A new rule, created by the signed-in admin; the list then says it was created. */
export const createRuleAction = formAction(
  { name: 'alerts/rules.create', schema: ruleFormSchema, permission: 'alerts.manage', messages: MESSAGES },
  async (input, { db, context }) => {
    const rule = await createRule(db, context, input);
    revalidateRules();
    redirect({ href: `/alerts/rules?created=${rule.id}`, locale: await getLocale() });
  },
);

export const updateRuleAction = formAction(
  { name: 'alerts/rules.update', schema: updateRuleFormSchema, permission: 'alerts.manage', messages: MESSAGES },
  async ({ ruleId, ...input }, { db, context }) => {
    await updateRule(db, context, ruleId, input);
    revalidateRules();
    return { status: 'success', message: (await getTranslations('alertRules'))('updated') };
  },
);

export const setRuleActiveAction = formAction(
  { name: 'alerts/rules.setActive', schema: setRuleActiveSchema, permission: 'alerts.manage', messages: MESSAGES },
  async ({ ruleId, active }, { db, context }) => {
    await setRuleActive(db, context, ruleId, active);
    revalidateRules();
    const t = await getTranslations('alertRules');
    return { status: 'success', message: active ? t('enabled') : t('disabled') };
  },
);

/** Delete (after the confirmation step in the UI); the list then says it was deleted. */
export const deleteRuleAction = formAction(
  { name: 'alerts/rules.delete', schema: ruleIdSchema, permission: 'alerts.manage', messages: MESSAGES },
  async ({ ruleId }, { db, context }) => {
    await deleteRule(db, context, ruleId);
    revalidateRules();
    redirect({ href: '/alerts/rules?deleted=1', locale: await getLocale() });
  },
);
