'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/app/_server/form-action';
import { keyRing } from '@/lib/crypto/key';
import { isTimeZone, LOCALES } from '@/lib/i18n/config';
import { ServiceError } from '@/lib/errors/service-error';
import { createChannel, deleteChannel, getChannel, sendTestNotification, setChannelActive, updateChannel } from '@/lib/notifications/channel-admin';
import { runDelivery } from '@/lib/notifications/run-delivery';
import { getSetting } from '@/lib/settings/settings';

const PAGE = '/[locale]/settings/channels';
const text = z.string().trim().max(2000).default('');

/** The form's flat fields, turned into the provider's secret and public parts. */
const createSchema = z.object({
  name: z.string().trim().min(1, 'required').max(100, 'nameTooLong'),
  type: z.enum(['discord', 'slack', 'email', 'webhook']),
  locale: z.enum(LOCALES, 'localeInvalid'),
  timeZone: z.string().min(1, 'timeZoneInvalid'),
  url: text,
  signingSecret: text,
  smtpHost: text,
  smtpPort: z.coerce.number().int().min(1).max(65535).default(587),
  smtpSecure: z.enum(['true', 'false']).default('false'),
  smtpUser: text,
  smtpPassword: text,
  smtpFrom: text,
  smtpTo: text,
});

function parts(input: z.infer<typeof createSchema>) {
  switch (input.type) {
    case 'discord':
    case 'slack':
      return { secret: { webhookUrl: input.url }, public: {} };
    case 'webhook':
      return { secret: { url: input.url, signingSecret: input.signingSecret }, public: {} };
    case 'email':
      return {
        secret: { password: input.smtpPassword },
        public: { host: input.smtpHost, port: input.smtpPort, secure: input.smtpSecure === 'true', username: input.smtpUser, from: input.smtpFrom, to: input.smtpTo.split(/[,\s]+/).filter(Boolean) },
      };
  }
}

export const createChannelAction = formAction(
  { name: 'settings/channels.create', schema: createSchema, permission: 'alerts.manage' },
  async (input, { db, context }) => {
    const allowPrivate = await getSetting(db, 'network.allow_private_targets');
    const channel = await createChannel(db, context, keyRing(), { name: input.name, type: input.type, locale: input.locale, timeZone: input.timeZone, ...parts(input) }, { allowPrivate });
    revalidatePath(PAGE, 'page');
    return { status: 'success', message: (await getTranslations('channels'))('created', { name: channel.name }) };
  },
);

const idSchema = z.object({ channelId: z.uuid() });

export const testChannelAction = formAction(
  { name: 'settings/channels.test', schema: idSchema, permission: 'alerts.manage' },
  async ({ channelId }, { db, context }) => {
    await sendTestNotification(db, context, channelId);
    // Deliver now rather than at the next minute: the admin is waiting for it.
    const result = await runDelivery(db, { channelId });
    revalidatePath(PAGE, 'page');
    const t = await getTranslations('channels');
    return { status: result.delivered > 0 ? 'success' : 'error', message: result.delivered > 0 ? t('testSent') : t('testQueued') };
  },
);

export const setChannelActiveAction = formAction(
  { name: 'settings/channels.setActive', schema: idSchema.extend({ active: z.enum(['true', 'false']) }), permission: 'alerts.manage' },
  async ({ channelId, active }, { db, context }) => {
    await setChannelActive(db, context, channelId, active === 'true');
    revalidatePath(PAGE, 'page');
    const t = await getTranslations('channels');
    return { status: 'success', message: active === 'true' ? t('enabled') : t('disabled') };
  },
);

export const deleteChannelAction = formAction(
  { name: 'settings/channels.delete', schema: idSchema, permission: 'alerts.manage' },
  async ({ channelId }, { db, context }) => {
    await deleteChannel(db, context, channelId);
    revalidatePath(PAGE, 'page');
    return { status: 'success', message: (await getTranslations('channels'))('deleted') };
  },
);


/**
 * Editing keeps the channel's type; its secret fields (URL, signing secret, SMTP password)
 * are write-only: blank keeps the stored value, and what was typed is never echoed back.
 */
const updateSchema = createSchema.omit({ type: true }).extend({ channelId: z.uuid(), timeZone: z.string().refine(isTimeZone, 'timeZoneInvalid') });
const SECRET_FIELDS = new Set(['url', 'signingSecret', 'smtpPassword']);
/** Where a lib error's field shows in the form. */
const FORM_FIELD: Record<string, string> = { webhookUrl: 'url', url: 'url', secret: 'url', signingSecret: 'signingSecret', password: 'smtpPassword', host: 'smtpHost', port: 'smtpPort', username: 'smtpUser', from: 'smtpFrom', to: 'smtpTo' };

export const updateChannelAction = formAction(
  { name: 'settings/channels.update', schema: updateSchema, permission: 'alerts.manage' },
  async (input, { db, context }) => {
    const t = await getTranslations('channelEdit');
    const current = await getChannel(db, input.channelId);
    if (!current) return { status: 'error', message: t('gone') };
    const { secret, public: publicConfig } = parts({ ...input, type: current.type });
    const allowPrivate = await getSetting(db, 'network.allow_private_targets');
    try {
      const channel = await updateChannel(db, context, keyRing(), current.id, { name: input.name, type: current.type, locale: input.locale, timeZone: input.timeZone, secret, public: publicConfig }, { allowPrivate });
      revalidatePath(PAGE, 'layout');
      return { status: 'success', message: t('saved', { name: channel.name }) };
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      const errors = await getTranslations('errors');
      const key = error.messageKey;
      const message = t.has(`errors.${key}` as never) ? t(`errors.${key}` as never) : errors.has(key as never) ? errors(key as never) : errors('unexpected');
      const field = error.details.field ? (FORM_FIELD[error.details.field] ?? error.details.field) : undefined;
      const values = Object.fromEntries(Object.entries(input).filter(([name, value]) => !SECRET_FIELDS.has(name) && typeof value === 'string')) as Record<string, string>;
      return { status: 'error', message, fieldErrors: field ? { [field]: message } : undefined, values };
    }
  },
);
