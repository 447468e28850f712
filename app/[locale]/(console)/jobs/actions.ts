'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/app/_server/form-action';
import { runJobNow } from '@/lib/jobs/run-now';

export const runJobNowAction = formAction(
  { name: 'jobs.runNow', schema: z.object({ jobId: z.string().min(1).max(100) }), permission: 'jobs.run' },
  async ({ jobId }, { db, context }) => {
    const outcome = await runJobNow(db, jobId, context);
    revalidatePath('/[locale]/jobs', 'page');
    const t = await getTranslations('jobs');
    return outcome.status === 'succeeded'
      ? { status: 'success', message: t('ranNow') }
      : { status: 'error', message: t('runFailed') };
  },
);
