'use client';

import { useTranslations } from 'next-intl';
import { ConfirmedAction } from '@/components/forms/ConfirmedAction';
import type { FormState } from '@/components/forms/form-state';
import { ToggleActive } from '@/components/forms/ToggleActive';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Enable or disable a rule; the button names the rule for screen readers. */
export function SetRuleActive({ ruleId, name, isActive, action }: { ruleId: string; name: string; isActive: boolean; action: Action }) {
  const t = useTranslations('alertRules');
  return <ToggleActive fields={{ ruleId }} name={name} isActive={isActive} labels={{ turnOff: t('disable'), turnOn: t('enable') }} action={action} />;
}

/** Delete in two steps (see ConfirmedAction); on success the list says the rule was deleted. */
export function DeleteRule({ ruleId, name, action }: { ruleId: string; name: string; action: Action }) {
  const t = useTranslations('alertRules');
  return (
    <ConfirmedAction
      id={`delete-rule-${ruleId}`}
      action={action}
      fields={{ ruleId }}
      openLabel={
        <>
          {t('delete')}
          <span className="sr-only"> {name}</span>
        </>
      }
      question={`${t('deleteConfirmTitle', { name })} ${t('deleteConfirmBody')}`}
      confirmLabel={t('deleteConfirm')}
      cancelLabel={t('cancel')}
    />
  );
}
