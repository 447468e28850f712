'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function VerifyChainForm({ action }: { action: Action }) {
  const t = useTranslations('audit.chain');
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <SubmitButton variant="secondary">{t('verifyNow')}</SubmitButton>
      <p role="status" className={state.status === 'error' ? 'font-medium text-danger' : 'text-success'}>
        {state.message}
      </p>
    </form>
  );
}
