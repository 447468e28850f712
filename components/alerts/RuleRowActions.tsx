'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { ConfirmedAction } from '@/components/forms/ConfirmedAction';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Enable or disable a rule; the button names the rule for screen readers. */
export function SetRuleActive({ ruleId, name, isActive, action }: { ruleId: string; name: string; isActive: boolean; action: Action }) {
  const t = useTranslations('alertRules');
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="ruleId" value={ruleId} />
      <input type="hidden" name="active" value={isActive ? 'false' : 'true'} />
      <SubmitButton variant="secondary">
        {isActive ? t('disable') : t('enable')}
        <span className="sr-only"> {name}</span>
      </SubmitButton>
      <p role="status" className={state.status === 'error' ? 'text-sm font-medium text-danger' : 'text-sm text-success'}>
        {state.message}
      </p>
    </form>
  );
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
