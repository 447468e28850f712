'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SelectField } from '@/components/forms/SelectField';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { TextField } from '@/components/forms/TextField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export interface EditableChannel {
  id: string;
  name: string;
  type: 'discord' | 'slack' | 'email' | 'webhook';
  locale: string;
  timeZone: string;
  secretHint: string | null;
  /** Email only: the server settings, which are not secret. */
  smtp: { host: string; port: string; secure: string; username: string; from: string; to: string } | null;
}

/**
 * Edit a channel. Its secrets are write-only: the form shows only their masked hint, and a
 * secret field left blank keeps the stored value.
 */
export function ChannelEditForm({ action, channel, locales }: { action: Action; channel: EditableChannel; locales: { value: string; label: string }[] }) {
  const t = useTranslations('channels');
  const te = useTranslations('channelEdit');
  const [state, formAction] = useActionState(action, initialFormState);
  const e = state.fieldErrors ?? {};
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const keep = te('keepSecret', { hint: channel.secretHint || '—' });
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4" aria-describedby="channel-edit-message">
      <input type="hidden" name="channelId" value={channel.id} />
      <p>
        <span className="font-medium">{t('type')}:</span> {t(`types.${channel.type}`)}
      </p>
      <TextField name="name" label={t('name')} error={e.name} defaultValue={v.name ?? channel.name} required maxLength={100} />
      <SelectField name="locale" label={t('locale')} defaultValue={v.locale ?? channel.locale} options={locales} error={e.locale} />
      <TextField name="timeZone" label={t('timeZone')} hint={t('timeZoneHint')} error={e.timeZone} defaultValue={v.timeZone ?? channel.timeZone} required />
      {channel.type !== 'email' && (
        <TextField name="url" type="url" label={t(channel.type === 'webhook' ? 'webhookUrl' : 'incomingWebhookUrl')} hint={keep} error={e.url} autoComplete="off" defaultValue="" />
      )}
      {channel.type === 'webhook' && <TextField name="signingSecret" label={t('signingSecret')} hint={`${t('signingSecretHint')} ${te('keepBlank')}`} error={e.signingSecret} autoComplete="off" defaultValue="" />}
      {channel.type === 'email' && channel.smtp && (
        <>
          <TextField name="smtpHost" label={t('smtpHost')} error={e.smtpHost} defaultValue={v.smtpHost ?? channel.smtp.host} required />
          <TextField name="smtpPort" type="number" label={t('smtpPort')} error={e.smtpPort} defaultValue={v.smtpPort ?? channel.smtp.port} min={1} max={65535} required />
          <SelectField name="smtpSecure" label={t('smtpSecure')} defaultValue={v.smtpSecure ?? channel.smtp.secure} options={[{ value: 'false', label: t('smtpStartTls') }, { value: 'true', label: t('smtpTls') }]} />
          <TextField name="smtpUser" label={t('smtpUser')} defaultValue={v.smtpUser ?? channel.smtp.username} autoComplete="off" />
          <TextField name="smtpPassword" type="password" label={t('smtpPassword')} hint={keep} error={e.smtpPassword} autoComplete="new-password" defaultValue="" />
          <TextField name="smtpFrom" type="email" label={t('smtpFrom')} error={e.smtpFrom} defaultValue={v.smtpFrom ?? channel.smtp.from} required />
          <TextField name="smtpTo" label={t('smtpTo')} hint={t('smtpToHint')} error={e.smtpTo} defaultValue={v.smtpTo ?? channel.smtp.to} required />
        </>
      )}
      <div>
        <SubmitButton>{te('save')}</SubmitButton>
      </div>
      <FormMessage state={state} id="channel-edit-message" />
    </form>
  );
}
