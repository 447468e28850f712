'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
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

/**
 * Delete in two steps: the first button asks (focus moves to the question), the second
 * deletes; Cancel returns focus to the first. On success the list says the rule was deleted.
 */
export function DeleteRule({ ruleId, name, action }: { ruleId: string; name: string; action: Action }) {
  const t = useTranslations('alertRules');
  const [state, formAction] = useActionState(action, initialFormState);
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const questionId = `delete-rule-${ruleId}`;

  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <div className="flex flex-col gap-2">
      {confirming ? (
        <div role="group" aria-labelledby={questionId} className="flex flex-col gap-2 rounded-md border-2 border-danger p-3">
          <p id={questionId} ref={question} tabIndex={-1} className="font-medium">
            {t('deleteConfirmTitle', { name })} {t('deleteConfirmBody')}
          </p>
          <div className="flex flex-wrap gap-2">
            <form action={formAction}>
              <input type="hidden" name="ruleId" value={ruleId} />
              <SubmitButton>{t('deleteConfirm')}</SubmitButton>
            </form>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-field bg-canvas px-4 py-2 font-medium text-ink">
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button ref={opener} type="button" onClick={() => setConfirming(true)} className="self-start rounded-md border border-field bg-canvas px-4 py-2 font-medium text-ink">
          {t('delete')}
          <span className="sr-only"> {name}</span>
        </button>
      )}
      <p role="status" className="text-sm font-medium text-danger">
        {state.status === 'error' ? state.message : ''}
      </p>
    </div>
  );
}
