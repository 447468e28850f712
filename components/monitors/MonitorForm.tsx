'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SelectField } from '@/components/forms/SelectField';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export interface MonitorFormValues {
  name: string;
  url: string;
  method: string;
  expectedStatus: string;
  timeoutMs: string;
  intervalSeconds: string;
  degradedAfterMs: string;
}

export const NEW_MONITOR_DEFAULTS: MonitorFormValues = {
  name: '',
  url: '',
  method: 'GET',
  expectedStatus: '200',
  timeoutMs: '10000',
  intervalSeconds: '60',
  degradedAfterMs: '2000',
};

/** Add or edit a monitor. A refused URL (SSRF guard) is explained on the URL field. */
export function MonitorForm({ action, monitorId, initial = NEW_MONITOR_DEFAULTS }: { action: Action; monitorId?: string; initial?: MonitorFormValues }) {
  const t = useTranslations('monitors');
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  // A new monitor's form starts empty again after success; an edit keeps what was saved.
  const values: Partial<MonitorFormValues> = state.status === 'error' ? (state.values ?? {}) : state.status === 'success' && !monitorId ? NEW_MONITOR_DEFAULTS : initial;
  const prefix = monitorId ? 'edit-' : 'new-';
  return (
    <form
      action={formAction}
      className="flex flex-col gap-4"
      noValidate
      aria-describedby={`${prefix}monitor-status`}
      key={state.status === 'success' && !monitorId ? state.message : 'form'}
    >
      <FormMessage state={state} id={`${prefix}monitor-status`} />
      {monitorId && <input type="hidden" name="monitorId" value={monitorId} />}
      <TextField idPrefix={prefix} name="name" label={t('name')} required maxLength={100} autoComplete="off" defaultValue={values.name} error={errors.name} />
      <TextField
        idPrefix={prefix}
        name="url"
        type="url"
        dir="ltr"
        label={t('url')}
        hint={t('urlHint')}
        required
        autoComplete="off"
        placeholder="https://status.example.com/health"
        defaultValue={values.url}
        error={errors.url}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          idPrefix={prefix}
          name="method"
          label={t('method')}
          defaultValue={values.method ?? 'GET'}
          error={errors.method}
          options={['GET', 'HEAD', 'POST'].map((method) => ({ value: method, label: method }))}
        />
        <TextField idPrefix={prefix} name="expectedStatus" inputMode="numeric" label={t('expectedStatus')} required defaultValue={values.expectedStatus} error={errors.expectedStatus} />
        <TextField
          idPrefix={prefix}
          name="intervalSeconds"
          inputMode="numeric"
          label={t('intervalSeconds')}
          hint={t('intervalHint')}
          required
          defaultValue={values.intervalSeconds}
          error={errors.intervalSeconds}
        />
        <TextField
          idPrefix={prefix}
          name="timeoutMs"
          inputMode="numeric"
          label={t('timeoutMs')}
          hint={t('timeoutHint')}
          required
          defaultValue={values.timeoutMs}
          error={errors.timeoutMs}
        />
        <TextField
          idPrefix={prefix}
          name="degradedAfterMs"
          inputMode="numeric"
          label={t('degradedAfterMs')}
          hint={t('degradedHint')}
          required
          defaultValue={values.degradedAfterMs}
          error={errors.degradedAfterMs}
        />
      </div>
      <div>
        <SubmitButton>{monitorId ? t('submitEdit') : t('submitCreate')}</SubmitButton>
      </div>
    </form>
  );
}
