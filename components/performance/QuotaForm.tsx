'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Sets one key's monthly quota; empty means the default. */
export function QuotaForm({ apiKeyId, keyName, current, action }: { apiKeyId: string; keyName: string; current: number | null; action: Action }) {
  const t = useTranslations('performance.quotas');
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <TextField
        name="monthlyLimit"
        idPrefix={`quota-${apiKeyId}-`}
        label={t('limitFor', { name: keyName })}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={state.values?.monthlyLimit ?? (current === null ? '' : String(current))}
        error={state.fieldErrors?.monthlyLimit}
      />
      <SubmitButton variant="secondary">{t('save')}</SubmitButton>
      <p role="status" className={state.status === 'error' ? 'w-full text-sm font-medium text-danger' : 'w-full text-sm text-success'}>
        {state.status === 'success' ? state.message : null}
      </p>
    </form>
  );
}
