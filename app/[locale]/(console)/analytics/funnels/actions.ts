'use server';

import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/app/_server/form-action';
import { createFunnel } from '@/lib/analytics/funnels';
import { funnelDefinitionSchema, MAX_FUNNEL_STEPS } from '@/lib/analytics/funnel-schema';

const optional = z.string().trim().max(200).optional();

/** The builder's flat fields (step1Event, step1Key, step1Value, ...) into a funnel definition; empty steps are dropped. */
const funnelFormSchema = z
  .object({
    name: z.string(),
    windowHours: z.string(),
    ...Object.fromEntries(Array.from({ length: MAX_FUNNEL_STEPS }, (_, i) => [[`step${i + 1}Event`, optional], [`step${i + 1}Key`, optional], [`step${i + 1}Value`, optional]]).flat()),
  })
  .transform((form) => {
    const raw = form as Record<string, string | undefined>;
    const steps = Array.from({ length: MAX_FUNNEL_STEPS }, (_, i) => ({ event: raw[`step${i + 1}Event`] ?? '', key: raw[`step${i + 1}Key`] ?? '', value: raw[`step${i + 1}Value`] ?? '' }))
      .filter((s) => s.event !== '')
      .map((s) => (s.key && s.value ? { event: s.event, property: { key: s.key, value: s.value } } : { event: s.event }));
    return { name: form.name, windowHours: form.windowHours, steps };
  })
  .pipe(funnelDefinitionSchema);

export const saveFunnelAction = formAction({ name: 'analytics/funnels.save', schema: funnelFormSchema, permission: 'analytics.read' }, async (input, { db, context }) => {
  const id = await createFunnel(db, input, context);
  redirect(`/${await getLocale()}/analytics/funnels?funnel=${id}&saved=1`);
});
