'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/app/_server/form-action';
import { verifyAuditChain } from '@/lib/audit/verify';
import { setSetting } from '@/lib/settings/settings';
import { RETENTION_LIMITS } from './retention-limits';

/** Verifies the whole chain now; the result is recorded like the daily job's. */
export const verifyChainAction = formAction({ name: 'audit.verifyChain', schema: z.object({}), permission: 'audit.read' }, async (_input, { db, context }) => {
  const result = await verifyAuditChain(db, context, { trigger: 'manual' });
  revalidatePath('/[locale]/audit', 'page');
  const t = await getTranslations('audit.chain');
  if (result.broken) return { status: 'error', message: t('brokenNow', { id: String(result.broken.id) }) };
  return { status: 'success', message: t('verifiedNow', { id: String(result.upToId ?? ''), count: result.entriesChecked }) };
});

const retentionSchema = z.object({
  days: z.coerce
    .number({ error: 'settingInvalid' })
    .int({ error: 'settingInvalid' })
    .min(RETENTION_LIMITS.min, { error: 'settingInvalid' })
    .max(RETENTION_LIMITS.max, { error: 'settingInvalid' }),
});

/** The retention period, an audited setting ('settings.update'). */
export const saveRetentionAction = formAction({ name: 'audit.saveRetention', schema: retentionSchema, permission: 'audit.read' }, async ({ days }, { db, context }) => {
  await setSetting(db, 'audit.retention_days', days, context);
  revalidatePath('/[locale]/audit', 'page');
  const t = await getTranslations('audit.retention');
  return { status: 'success', message: t('saved', { days }), values: { days: String(days) } };
});
