'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SelectField } from '@/components/forms/SelectField';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function PurgeForm({ action }: { action: Action }) {
  const t = useTranslations('cacheManager.purge');
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  const values = state.status === 'success' ? {} : (state.values ?? {});
  return (
    <>
      <FormMessage state={state} id="purge-status" />
      <form action={formAction} noValidate aria-describedby="purge-status" className="mt-2 flex max-w-xl flex-col gap-4">
        <SelectField
          name="kind"
          label={t('kind')}
          defaultValue={values.kind ?? 'key'}
          error={errors.kind}
          options={(['key', 'prefix', 'tag'] as const).map((value) => ({ value, label: t(`kinds.${value}`) }))}
        />
        <TextField name="value" label={t('value')} hint={t('valueHint')} required maxLength={500} autoComplete="off" defaultValue={values.value} error={errors.value} />
        <div>
          <SubmitButton>{t('submit')}</SubmitButton>
        </div>
      </form>
    </>
  );
}
