'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/app/_server/form-action';
import { acknowledgeAlert, resolveAlert } from '@/lib/alerting/manage';

const respondSchema = z.object({
  alertId: z.uuid(),
  comment: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(1000).nullable()),
});

export const acknowledgeAlertAction = formAction(
  { name: 'alerts/acknowledge', schema: respondSchema, permission: 'alerts.respond' },
  async (input, { db, context }) => {
    await acknowledgeAlert(db, context, input);
    revalidatePath('/[locale]/alerts', 'layout');
    return { status: 'success', message: (await getTranslations('alertCenter'))('acknowledged') };
  },
);

export const resolveAlertAction = formAction(
  { name: 'alerts/resolve', schema: respondSchema, permission: 'alerts.respond' },
  async (input, { db, context }) => {
    await resolveAlert(db, context, input);
    revalidatePath('/[locale]/alerts', 'layout');
    return { status: 'success', message: (await getTranslations('alertCenter'))('resolved') };
  },
);
