import { z } from 'zod';
import { EVENT_NAME_PATTERN } from '../events/schema';

export const MAX_FUNNEL_STEPS = 8;
export const MAX_WINDOW_HOURS = 24 * 90;

export const funnelStepSchema = z.object({
  event: z.string().regex(EVENT_NAME_PATTERN, { error: 'eventName' }),
  property: z
    .object({ key: z.string().min(1).max(64), value: z.string().min(1).max(200) })
    .optional(),
});

export const funnelDefinitionSchema = z.object({
  name: z.string().trim().min(1, { error: 'required' }).max(100, { error: 'tooLong' }),
  steps: z.array(funnelStepSchema).min(2, { error: 'funnelSteps' }).max(MAX_FUNNEL_STEPS, { error: 'funnelSteps' }),
  windowHours: z.coerce.number().int().min(1, { error: 'funnelWindow' }).max(MAX_WINDOW_HOURS, { error: 'funnelWindow' }),
});

export type FunnelDefinition = z.infer<typeof funnelDefinitionSchema>;
