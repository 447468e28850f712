'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/app/_server/form-action';
import { setSetting } from '@/lib/settings/settings';

// An unchecked checkbox is absent from the form data.
const networkSettingsSchema = z.object({
  allowPrivateTargets: z
    .enum(['on', ''])
    .optional()
    .transform((value) => value === 'on'),
});

/** The SSRF switch governs where monitors (and later webhooks) may connect: monitors.manage. */
export const saveNetworkSettingsAction = formAction(
  { name: 'settings/network.save', schema: networkSettingsSchema, permission: 'monitors.manage' },
  async (input, { db, context }) => {
    await setSetting(db, 'network.allow_private_targets', input.allowPrivateTargets, context);
    revalidatePath('/[locale]/settings/network', 'page');
    revalidatePath('/[locale]/settings/monitors', 'page');
    const t = await getTranslations('networkSettings');
    return { status: 'success', message: t('saved') };
  },
);
