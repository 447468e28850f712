'use server';

import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { redirect } from '@/app/_i18n/navigation';
import { formAction } from '@/app/_server/form-action';
import { createMonitor, deleteMonitor, setMonitorActive, updateMonitor } from '@/lib/monitors/save';
import { monitorIdSchema, monitorInputSchema, setMonitorActiveSchema, updateMonitorSchema } from '@/lib/monitors/schemas';

const LIST = '/[locale]/settings/monitors';

export const createMonitorAction = formAction(
  { name: 'settings/monitors.create', schema: monitorInputSchema, permission: 'monitors.manage' },
  async (input, { db, context }) => {
    const monitor = await createMonitor(db, input, context);
    revalidatePath(LIST, 'page');
    const t = await getTranslations('monitors');
    return { status: 'success', message: t('created', { name: monitor.name }) };
  },
);

export const updateMonitorAction = formAction(
  { name: 'settings/monitors.update', schema: updateMonitorSchema, permission: 'monitors.manage' },
  async ({ monitorId, ...input }, { db, context }) => {
    await updateMonitor(db, monitorId, input, context);
    revalidatePath(LIST, 'page');
    revalidatePath(`${LIST}/[id]`, 'page');
    const t = await getTranslations('monitors');
    return { status: 'success', message: t('updated') };
  },
);

export const setMonitorActiveAction = formAction(
  { name: 'settings/monitors.setActive', schema: setMonitorActiveSchema, permission: 'monitors.manage' },
  async (input, { db, context }) => {
    await setMonitorActive(db, input.monitorId, input.active, context);
    revalidatePath(LIST, 'page');
    const t = await getTranslations('monitors');
    return { status: 'success', message: input.active ? t('resumed') : t('paused') };
  },
);

export const deleteMonitorAction = formAction(
  { name: 'settings/monitors.delete', schema: monitorIdSchema, permission: 'monitors.manage' },
  async (input, { db, context }) => {
    await deleteMonitor(db, input.monitorId, context);
    revalidatePath(LIST, 'page');
    // The list says what happened (its status region reads ?deleted=1).
    redirect({ href: '/settings/monitors?deleted=1', locale: await getLocale() });
  },
);
