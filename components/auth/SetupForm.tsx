'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function SetupForm({ action }: { action: Action }) {
  const t = useTranslations('setup');
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate aria-describedby="setup-status">
      <FormMessage state={state} id="setup-status" />
      <TextField name="name" label={t('name')} autoComplete="name" required defaultValue={state.values?.name} error={errors.name} />
      <TextField
        name="email"
        type="email"
        label={t('email')}
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={errors.email}
      />
      <TextField
        name="password"
        type="password"
        label={t('password')}
        hint={t('passwordHint')}
        autoComplete="new-password"
        required
        error={errors.password}
      />
      <TextField
        name="passwordConfirm"
        type="password"
        label={t('passwordConfirm')}
        autoComplete="new-password"
        required
        error={errors.passwordConfirm}
      />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
