'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SelectField } from '@/components/forms/SelectField';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';
import { ROLE_MESSAGE_KEYS, ROLES } from './role-options';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function CreateUserForm({ action }: { action: Action }) {
  const t = useTranslations('settingsUsers');
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  // After success the fields start empty for the next user.
  const values = state.status === 'success' ? {} : (state.values ?? {});
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate aria-describedby="create-user-status" key={state.status === 'success' ? state.message : 'form'}>
      <FormMessage state={state} id="create-user-status" />
      <TextField name="name" label={t('name')} required defaultValue={values.name} error={errors.name} />
      <TextField name="email" type="email" label={t('email')} required autoComplete="off" defaultValue={values.email} error={errors.email} />
      <TextField
        name="password"
        type="password"
        label={t('password')}
        hint={t('passwordHint')}
        required
        autoComplete="new-password"
        error={errors.password}
      />
      <SelectField
        name="role"
        label={t('role')}
        defaultValue={values.role ?? 'viewer'}
        error={errors.role}
        options={ROLES.map((role) => ({ value: role, label: t(ROLE_MESSAGE_KEYS[role]) }))}
      />
      <div>
        <SubmitButton>{t('submit')}</SubmitButton>
      </div>
    </form>
  );
}
