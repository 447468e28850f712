'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function SetMonitorActive({ monitorId, name, isActive, action }: { monitorId: string; name: string; isActive: boolean; action: Action }) {
  const t = useTranslations('monitors');
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="monitorId" value={monitorId} />
      <input type="hidden" name="active" value={isActive ? 'false' : 'true'} />
      <SubmitButton variant="secondary">
        {isActive ? t('pause') : t('resume')}
        <span className="sr-only"> {name}</span>
      </SubmitButton>
      <p role="status" className={state.status === 'error' ? 'text-sm font-medium text-danger' : 'text-sm text-success'}>
        {state.message}
      </p>
    </form>
  );
}
