'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function RemoveOverride({ overrideId, subject, action }: { overrideId: string; subject: string; action: Action }) {
  const t = useTranslations('performance.overrides');
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <div className="flex flex-col gap-1">
      <form action={formAction}>
        <input type="hidden" name="overrideId" value={overrideId} />
        <SubmitButton variant="secondary">
          {t('remove')}
          <span className="sr-only"> {subject}</span>
        </SubmitButton>
      </form>
      <p role="status" className={state.status === 'error' ? 'text-sm font-medium text-danger' : 'text-sm text-success'}>
        {state.message}
      </p>
    </div>
  );
}
