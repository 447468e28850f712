'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function RunNowButton({ jobId, jobName, action }: { jobId: string; jobName: string; action: Action }) {
  const t = useTranslations('jobs');
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="jobId" value={jobId} />
      <SubmitButton variant="secondary">{t('runNow', { job: jobName })}</SubmitButton>
      <p role="status" className={state.status === 'error' ? 'text-sm font-medium text-danger' : 'text-sm text-success'}>
        {state.message}
      </p>
    </form>
  );
}
