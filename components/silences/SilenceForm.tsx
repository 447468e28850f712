'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SelectField } from '@/components/forms/SelectField';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;
type Option = { value: string; label: string };

/**
 * New silence: one rule, or everything matching a severity and/or metric type, until a time
 * typed in the admin's own time zone, with a reason. What was typed survives a failed submit.
 */
export function SilenceForm(props: { action: Action; rules: Option[]; severities: Option[]; metricTypes: Option[]; defaultEndsAt: string; timeZone: string }) {
  const t = useTranslations('silences');
  const [state, formAction] = useActionState(props.action, initialFormState);
  const e = state.fieldErrors ?? {};
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const any = { value: '', label: t('any') };
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4" aria-describedby="silence-form-message">
      <fieldset className="flex flex-col gap-4 rounded-md border border-line p-4" aria-describedby="silence-matchers-hint">
        <legend className="px-1 font-semibold">{t('matchers')}</legend>
        <p id="silence-matchers-hint" className="text-sm text-muted">{t('matchersHint')}</p>
        <SelectField name="ruleId" label={t('rule')} defaultValue={v.ruleId ?? ''} options={[any, ...props.rules]} error={e.ruleId} />
        <SelectField name="severity" label={t('severity')} defaultValue={v.severity ?? ''} options={[any, ...props.severities]} error={e.severity} />
        <SelectField name="metricType" label={t('metricType')} defaultValue={v.metricType ?? ''} options={[any, ...props.metricTypes]} error={e.metricType} />
      </fieldset>
      <TextField name="endsAt" type="datetime-local" label={t('endsAt')} hint={t('endsAtHint', { timeZone: props.timeZone })} error={e.endsAt} defaultValue={v.endsAt ?? props.defaultEndsAt} required />
      <div className="flex flex-col gap-1">
        <label htmlFor="silence-reason" className="font-medium">{t('reason')}</label>
        <textarea
          id="silence-reason"
          name="reason"
          required
          maxLength={500}
          rows={3}
          defaultValue={v.reason ?? ''}
          aria-invalid={e.reason ? true : undefined}
          aria-describedby={e.reason ? 'silence-reason-error' : undefined}
          className="rounded-md border border-field bg-canvas px-3 py-2 text-ink aria-[invalid=true]:border-danger"
        />
        {e.reason && <p id="silence-reason-error" className="text-sm font-medium text-danger">{e.reason}</p>}
      </div>
      <div>
        <SubmitButton>{t('create')}</SubmitButton>
      </div>
      <FormMessage state={state} id="silence-form-message" />
    </form>
  );
}

/** "Expire now" for one active silence. */
export function ExpireSilenceButton({ action, silenceId, label }: { action: Action; silenceId: string; label: string }) {
  const t = useTranslations('silences');
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="silenceId" value={silenceId} />
      <SubmitButton variant="secondary">
        {t('expire')}
        <span className="sr-only"> {label}</span>
      </SubmitButton>
      <p role="status" className={state.status === 'error' ? 'text-sm font-medium text-danger' : 'text-sm text-success'}>
        {state.message}
      </p>
    </form>
  );
}
