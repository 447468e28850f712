'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/app/_server/form-action';
import { overrideInput, removeOverride, setOverride, setQuota } from '@/lib/rate-limit/overrides';
import { invalidateLimiterAdjustments } from '@/lib/rate-limit/runtime';

const removeSchema = z.object({ overrideId: z.uuid({ message: 'required' }) });
const quotaSchema = z.object({
  apiKeyId: z.uuid({ message: 'required' }),
  monthlyLimit: z.union([z.literal('').transform(() => null), z.coerce.number({ message: 'quotaInvalid' }).int('quotaInvalid').min(0, 'quotaInvalid').max(1_000_000_000_000, 'quotaInvalid')]),
});

export const setOverrideAction = formAction({ name: 'performance/rate-limits.setOverride', schema: overrideInput, permission: 'performance.manage' }, async (input, { db, context }) => {
  await setOverride(db, input, context);
  await invalidateLimiterAdjustments();
  revalidatePath('/[locale]/performance', 'page');
  return { status: 'success', message: (await getTranslations('performance.overrides'))('saved') };
});

export const removeOverrideAction = formAction({ name: 'performance/rate-limits.removeOverride', schema: removeSchema, permission: 'performance.manage' }, async (input, { db, context }) => {
  await removeOverride(db, input.overrideId, context);
  await invalidateLimiterAdjustments();
  revalidatePath('/[locale]/performance', 'page');
  return { status: 'success', message: (await getTranslations('performance.overrides'))('removed') };
});

export const setQuotaAction = formAction({ name: 'performance/quotas.setQuota', schema: quotaSchema, permission: 'performance.manage' }, async (input, { db, context }) => {
  await setQuota(db, input.apiKeyId, input.monthlyLimit, context);
  revalidatePath('/[locale]/performance', 'page');
  return { status: 'success', message: (await getTranslations('performance.quotas'))('saved') };
});
