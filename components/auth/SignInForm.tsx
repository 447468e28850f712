'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function SignInForm({ action }: { action: Action }) {
  const t = useTranslations('signIn');
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate aria-describedby="sign-in-status">
      <FormMessage state={state} id="sign-in-status" />
      <TextField
        name="email"
        type="email"
        label={t('email')}
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        error={errors.email}
      />
      <TextField name="password" type="password" label={t('password')} autoComplete="current-password" required error={errors.password} />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
