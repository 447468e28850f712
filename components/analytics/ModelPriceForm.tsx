'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Sets a model's prompt and completion price per 1K tokens; "Edit" links in the table fill it in. */
export function ModelPriceForm({ action, initial, models }: { action: Action; initial: { model: string; prompt: string; completion: string }; models: string[] }) {
  const t = useTranslations('analyticsAdmin.prices.form');
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  const value = (name: string, fallback: string) => (state.status === 'error' ? (state.values?.[name] ?? fallback) : fallback);
  return (
    <form id="price-form" action={formAction} noValidate aria-labelledby="price-form-title" aria-describedby="price-form-status price-form-hint" className="mb-8 flex max-w-2xl flex-col gap-4 rounded-lg border border-line bg-canvas p-4">
      <h2 id="price-form-title" className="font-semibold">
        {t('title')}
      </h2>
      <p id="price-form-hint" className="text-sm text-muted">
        {t('hint')}
      </p>
      <FormMessage state={state} id="price-form-status" />
      <TextField idPrefix="price-" name="model" label={t('model')} list="price-models" key={`model-${initial.model}`} defaultValue={value('model', initial.model)} error={errors.model} required />
      <datalist id="price-models">
        {models.map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField idPrefix="price-" name="promptPer1kUsd" label={t('prompt')} inputMode="decimal" key={`prompt-${initial.model}`} defaultValue={value('promptPer1kUsd', initial.prompt)} error={errors.promptPer1kUsd} required />
        <TextField idPrefix="price-" name="completionPer1kUsd" label={t('completion')} inputMode="decimal" key={`completion-${initial.model}`} defaultValue={value('completionPer1kUsd', initial.completion)} error={errors.completionPer1kUsd} required />
      </div>
      <div>
        <SubmitButton>{t('save')}</SubmitButton>
      </div>
    </form>
  );
}
