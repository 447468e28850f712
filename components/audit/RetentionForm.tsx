'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function RetentionForm({ action, days, min, max }: { action: Action; days: number; min: number; max: number }) {
  const t = useTranslations('audit.retention');
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-3" noValidate aria-describedby="retention-status">
      <FormMessage state={state} id="retention-status" />
      <TextField
        name="days"
        idPrefix="retention-"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        required
        label={t('label')}
        hint={t('hint', { min, max })}
        defaultValue={state.values?.days ?? String(days)}
        error={state.fieldErrors?.days}
      />
      <div>
        <SubmitButton>{t('save')}</SubmitButton>
      </div>
    </form>
  );
}
