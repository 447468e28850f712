'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SelectField } from '@/components/forms/SelectField';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';
import { API_KEY_EXPIRY_CHOICES, scopeFieldName } from '@/lib/api-keys/schemas';
import { API_KEY_SCOPES } from '@/lib/api-keys/scopes';
import { OneTimeSecret } from './OneTimeSecret';
import { SCOPE_MESSAGE_KEYS } from './scope-options';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Create form; on success the action returns the new key once (values.secret), shown above the form. */
export function CreateApiKeyForm({ action }: { action: Action }) {
  const t = useTranslations('apiKeys');
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  const created = state.status === 'success' ? state.values : undefined;
  const values = state.status === 'success' ? {} : (state.values ?? {});
  const scopesError = errors.scopes;
  return (
    <>
      <FormMessage state={state} id="create-key-status" />
      {created?.secret && <OneTimeSecret key={created.secret} name={created.name ?? ''} secret={created.secret} />}
      <form action={formAction} className="mt-2 flex flex-col gap-4" noValidate aria-describedby="create-key-status" key={created?.secret ?? 'form'}>
        <TextField name="name" label={t('name')} hint={t('nameHint')} required maxLength={100} autoComplete="off" defaultValue={values.name} error={errors.name} />
        <fieldset aria-describedby={scopesError ? 'scopes-error' : undefined} className="flex flex-col gap-2">
          <legend className="mb-1 font-medium">{t('scopes')}</legend>
          {API_KEY_SCOPES.map((scope) => {
            const field = scopeFieldName(scope);
            const id = `scope-${scope.replace(/\W/g, '-')}`;
            return (
              <div key={scope} className="flex items-center gap-2">
                <input
                  id={id}
                  name={field}
                  type="checkbox"
                  // Least privilege: nothing is granted until the admin ticks it.
                  defaultChecked={state.status === 'error' && values[field] === 'on'}
                  aria-invalid={scopesError ? true : undefined}
                  className="h-5 w-5 accent-[rgb(var(--accent))]"
                />
                <label htmlFor={id}>
                  <code className="font-mono">{scope}</code> — {t(SCOPE_MESSAGE_KEYS[scope])}
                </label>
              </div>
            );
          })}
          {scopesError && (
            <p id="scopes-error" className="text-sm font-medium text-danger">
              {scopesError}
            </p>
          )}
        </fieldset>
        <SelectField
          name="expiresInDays"
          label={t('expiry')}
          defaultValue={values.expiresInDays ?? 'never'}
          error={errors.expiresInDays}
          options={API_KEY_EXPIRY_CHOICES.map((choice) => ({
            value: choice,
            label: choice === 'never' ? t('expiryNever') : t('expiryDays', { days: Number(choice) }),
          }))}
        />
        <div>
          <SubmitButton>{t('submit')}</SubmitButton>
        </div>
      </form>
    </>
  );
}
