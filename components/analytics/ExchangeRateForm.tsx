'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Adds a rate or replaces one (day, base, quote, rate); "Edit" links in the table fill it in. */
export function ExchangeRateForm({ action, initial }: { action: Action; initial: { day: string; base: string; quote: string; rate: string } }) {
  const t = useTranslations('analyticsAdmin.rates.form');
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  const value = (name: keyof typeof initial) => (state.status === 'error' ? (state.values?.[name] ?? initial[name]) : initial[name]);
  return (
    <form id="rate-form" action={formAction} noValidate aria-labelledby="rate-form-title" aria-describedby="rate-form-status rate-form-hint" className="mb-8 flex max-w-2xl flex-col gap-4 rounded-lg border border-line bg-canvas p-4">
      <h2 id="rate-form-title" className="font-semibold">
        {t('title')}
      </h2>
      <p id="rate-form-hint" className="text-sm text-muted">
        {t('hint')}
      </p>
      <FormMessage state={state} id="rate-form-status" />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField idPrefix="rate-" name="day" label={t('day')} type="date" key={`day-${initial.day}`} defaultValue={value('day')} error={errors.day} required />
        <TextField idPrefix="rate-" name="rate" label={t('rate')} inputMode="decimal" key={`rate-${initial.rate}`} defaultValue={value('rate')} error={errors.rate} required />
        <TextField idPrefix="rate-" name="base" label={t('base')} maxLength={3} autoCapitalize="characters" key={`base-${initial.base}`} defaultValue={value('base')} error={errors.base} required />
        <TextField idPrefix="rate-" name="quote" label={t('quote')} maxLength={3} autoCapitalize="characters" key={`quote-${initial.quote}`} defaultValue={value('quote')} error={errors.quote} required />
      </div>
      <div>
        <SubmitButton>{t('save')}</SubmitButton>
      </div>
    </form>
  );
}
