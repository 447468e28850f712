'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

const STEPS = 4;

/** Name, up to four ordered steps (event, optional property filter) and the conversion window. */
export function FunnelBuilder({ action }: { action: Action }) {
  const t = useTranslations('analytics.funnels.builder');
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate aria-describedby="funnel-status funnel-hint" className="mb-8 flex flex-col gap-4 rounded-lg border border-line bg-canvas p-4">
      <h2 className="font-semibold">{t('title')}</h2>
      <p id="funnel-hint" className="text-sm text-muted">
        {t('hint')}
      </p>
      <FormMessage state={state} id="funnel-status" />
      <TextField name="name" label={t('name')} error={errors.name} required />
      {Array.from({ length: STEPS }, (_, i) => (
        <fieldset key={i} className="grid grid-cols-1 gap-2 sm:grid-cols-3">
          <legend className="sr-only">{t('step', { n: i + 1 })}</legend>
          <TextField name={`step${i + 1}Event`} label={t('step', { n: i + 1 })} error={i === 0 ? errors.steps : undefined} required={i < 2} />
          <TextField name={`step${i + 1}Key`} label={t('propertyKey', { n: i + 1 })} />
          <TextField name={`step${i + 1}Value`} label={t('propertyValue', { n: i + 1 })} />
        </fieldset>
      ))}
      <TextField name="windowHours" label={t('window')} type="number" inputMode="numeric" min={1} defaultValue="24" error={errors.windowHours} required />
      <div>
        <SubmitButton>{t('save')}</SubmitButton>
      </div>
    </form>
  );
}
