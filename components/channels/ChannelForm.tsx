'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SelectField } from '@/components/forms/SelectField';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;
const TYPES = ['discord', 'slack', 'email', 'webhook'] as const;

/** New channel: the fields of the chosen type only; secrets are write-only (never shown back). */
export function ChannelForm({ action, locales, defaultTimeZone }: { action: Action; locales: { value: string; label: string }[]; defaultTimeZone: string }) {
  const t = useTranslations('channels');
  const [state, formAction] = useActionState(action, initialFormState);
  const [type, setType] = useState<(typeof TYPES)[number]>('discord');
  const e = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" aria-describedby="channel-form-message">
      <TextField name="name" label={t('name')} error={e.name} defaultValue={v.name} required maxLength={100} />
      <SelectField name="type" label={t('type')} value={type} onChange={(event) => setType(event.target.value as (typeof TYPES)[number])} options={TYPES.map((value) => ({ value, label: t(`types.${value}`) }))} />
      <SelectField name="locale" label={t('locale')} defaultValue={v.locale ?? 'en'} options={locales} error={e.locale} />
      <TextField name="timeZone" label={t('timeZone')} hint={t('timeZoneHint')} error={e.timeZone} defaultValue={v.timeZone ?? defaultTimeZone} required />
      {type !== 'email' && <TextField name="url" type="url" label={t(type === 'webhook' ? 'webhookUrl' : 'incomingWebhookUrl')} error={e.url} autoComplete="off" required />}
      {type === 'webhook' && <TextField name="signingSecret" label={t('signingSecret')} hint={t('signingSecretHint')} error={e.signingSecret} autoComplete="off" required />}
      {type === 'email' && (
        <>
          <TextField name="smtpHost" label={t('smtpHost')} error={e.smtpHost ?? e.host} defaultValue={v.smtpHost} required />
          <TextField name="smtpPort" type="number" label={t('smtpPort')} error={e.smtpPort ?? e.port} defaultValue={v.smtpPort ?? '587'} min={1} max={65535} required />
          <SelectField name="smtpSecure" label={t('smtpSecure')} defaultValue={v.smtpSecure ?? 'false'} options={[{ value: 'false', label: t('smtpStartTls') }, { value: 'true', label: t('smtpTls') }]} />
          <TextField name="smtpUser" label={t('smtpUser')} defaultValue={v.smtpUser} autoComplete="off" />
          <TextField name="smtpPassword" type="password" label={t('smtpPassword')} autoComplete="new-password" />
          <TextField name="smtpFrom" type="email" label={t('smtpFrom')} error={e.smtpFrom ?? e.from} defaultValue={v.smtpFrom} required />
          <TextField name="smtpTo" label={t('smtpTo')} hint={t('smtpToHint')} error={e.smtpTo ?? e.to} defaultValue={v.smtpTo} required />
        </>
      )}
      <div>
        <SubmitButton>{t('create')}</SubmitButton>
      </div>
      <FormMessage state={state} id="channel-form-message" />
    </form>
  );
}
