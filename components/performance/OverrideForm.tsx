'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SelectField } from '@/components/forms/SelectField';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Add or replace an override: raise or lower one identity's limit, or block it. */
export function OverrideForm({ action, groups }: { action: Action; groups: string[] }) {
  const t = useTranslations('performance.overrides');
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  const values = state.status === 'success' ? {} : (state.values ?? {});
  return (
    <>
      <FormMessage state={state} id="override-status" />
      <form action={formAction} noValidate aria-describedby="override-status" className="mt-2 grid max-w-3xl grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          name="subjectType"
          label={t('subjectType')}
          defaultValue={values.subjectType ?? 'api_key'}
          error={errors.subjectType}
          options={(['api_key', 'user', 'ip'] as const).map((value) => ({ value, label: t(`subjects.${value}`) }))}
        />
        <TextField name="subjectId" label={t('subjectId')} hint={t('subjectIdHint')} required maxLength={200} autoComplete="off" defaultValue={values.subjectId} error={errors.subjectId} />
        <SelectField
          name="policyGroup"
          label={t('group')}
          defaultValue={values.policyGroup ?? '*'}
          error={errors.policyGroup}
          options={[{ value: '*', label: t('allGroups') }, ...groups.map((group) => ({ value: group, label: group }))]}
        />
        <SelectField
          name="mode"
          label={t('mode')}
          defaultValue={values.mode ?? 'limit'}
          error={errors.mode}
          options={[
            { value: 'limit', label: t('modeLimit') },
            { value: 'block', label: t('modeBlock') },
          ]}
        />
        <TextField name="limit" label={t('limit')} hint={t('limitHint')} inputMode="numeric" autoComplete="off" defaultValue={values.limit} error={errors.limit} />
        <TextField name="expiresInHours" label={t('expiresInHours')} hint={t('expiresHint')} inputMode="numeric" autoComplete="off" defaultValue={values.expiresInHours} error={errors.expiresInHours} />
        <div className="sm:col-span-2">
          <TextField name="reason" label={t('reason')} maxLength={500} autoComplete="off" defaultValue={values.reason} error={errors.reason} />
        </div>
        <div>
          <SubmitButton>{t('submit')}</SubmitButton>
        </div>
      </form>
    </>
  );
}
