'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/app/_server/form-action';
import { alertRules } from '@/db/schema';
import { parseLocalInput } from '@/lib/audit/zoned-time';
import { cancelSilence, createSilence } from '@/lib/alerting/manage';
import { silenceInputSchema } from '@/lib/alerting/schemas';

const PAGE = '/[locale]/alerts/silences';
const field = z.string().max(2000).default('');

/**
 * The form as typed: the end is a datetime-local value read in the admin's own time zone,
 * so it is turned into an instant here before the silence schema checks it. Field errors are
 * message keys under "silences.errors".
 */
const createSchema = z.object({ ruleId: field, severity: field, metricType: field, endsAt: field, reason: field });

export const createSilenceAction = formAction(
  { name: 'alerts/silences.create', schema: createSchema, permission: 'alerts.manage' },
  async (input, { db, user, context }) => {
    const t = await getTranslations('silences');
    const now = new Date();
    const endsAt = parseLocalInput(input.endsAt, user.timeZone);
    const parsed = silenceInputSchema.safeParse({ ...input, endsAt: endsAt ?? 'invalid' });
    const fieldErrors: Record<string, string> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? 'form');
        const key = `errors.${issue.message}`;
        fieldErrors[name] ??= t.has(key as never) ? t(key as never) : t('errors.invalid');
      }
    } else if (parsed.data.endsAt.getTime() <= now.getTime()) {
      fieldErrors.endsAt = t('errors.endsAtPast');
    } else if (parsed.data.ruleId) {
      const [rule] = await db.select({ id: alertRules.id }).from(alertRules).where(eq(alertRules.id, parsed.data.ruleId));
      if (!rule) fieldErrors.ruleId = t('errors.ruleGone');
    }
    if (!parsed.success || Object.keys(fieldErrors).length) {
      return { status: 'error', message: (await getTranslations('errors'))('fixFields'), fieldErrors, values: input };
    }
    await createSilence(db, context, parsed.data, now);
    revalidatePath(PAGE, 'page');
    return { status: 'success', message: t('created') };
  },
);

export const expireSilenceAction = formAction(
  { name: 'alerts/silences.expire', schema: z.object({ silenceId: z.uuid() }), permission: 'alerts.manage' },
  async ({ silenceId }, { db, context }) => {
    await cancelSilence(db, context, silenceId);
    revalidatePath(PAGE, 'page');
    return { status: 'success', message: (await getTranslations('silences'))('expired') };
  },
);
