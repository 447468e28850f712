'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Uploads a rates CSV; a refused file lists its bad lines (number and reason) under the field. */
export function RateImportForm({ action }: { action: Action }) {
  const t = useTranslations('analyticsAdmin.import');
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  const lines = Object.entries(errors)
    .filter(([key]) => /^line\d+$/.test(key))
    .map(([, text]) => text);
  const describedBy = ['import-hint', errors.file ? 'import-file-error' : '', lines.length > 0 ? 'import-lines' : ''].filter(Boolean).join(' ');
  return (
    <form action={formAction} noValidate aria-labelledby="import-title" aria-describedby="import-status" className="mb-8 flex max-w-2xl flex-col gap-4 rounded-lg border border-line bg-canvas p-4">
      <h2 id="import-title" className="font-semibold">
        {t('title')}
      </h2>
      <FormMessage state={state} id="import-status" />
      <div className="flex flex-col gap-1">
        <label htmlFor="import-file" className="font-medium">
          {t('file')}
        </label>
        <p id="import-hint" className="text-sm text-muted">
          {t('hint')}
        </p>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={describedBy}
          className="rounded-md border border-field bg-canvas px-3 py-2 text-ink aria-[invalid=true]:border-danger"
        />
        {errors.file && (
          <p id="import-file-error" className="text-sm font-medium text-danger">
            {errors.file}
          </p>
        )}
        {lines.length > 0 && (
          <div id="import-lines">
            <h3 className="mt-2 text-sm font-semibold">{t('problemsTitle')}</h3>
            <ul className="list-disc ps-6 text-sm text-danger">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div>
        <SubmitButton>{t('submit')}</SubmitButton>
      </div>
    </form>
  );
}
