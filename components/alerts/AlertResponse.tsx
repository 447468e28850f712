'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Acknowledge or resolve by hand, with an optional comment that goes on the timeline. */
export function AlertResponse({ alertId, kind, action }: { alertId: string; kind: 'acknowledge' | 'resolve'; action: Action }) {
  const t = useTranslations('alertCenter');
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-3" aria-describedby={`${kind}-message`}>
      <input type="hidden" name="alertId" value={alertId} />
      <TextField name="comment" idPrefix={`${kind}-`} label={t('commentOptional')} error={state.fieldErrors?.comment} defaultValue={state.values?.comment ?? ''} maxLength={1000} />
      <div>
        <SubmitButton variant={kind === 'resolve' ? 'primary' : 'secondary'}>{t(kind)}</SubmitButton>
      </div>
      <FormMessage state={state} id={`${kind}-message`} />
    </form>
  );
}
