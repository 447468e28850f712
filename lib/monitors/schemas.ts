import { z } from 'zod';
import { MONITOR_METHODS } from '../../db/schema';

// Error messages are message keys under "errors" in messages/<locale>.json.
const intField = (min: number, max: number, error: string) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .regex(/^\d+$/, { error })
    .transform(Number)
    .pipe(z.number().int().min(min, { error }).max(max, { error }));

export const MIN_INTERVAL_SECONDS = 30;

export const monitorInputSchema = z
  .object({
    name: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(100, { error: 'nameTooLong' }),
    url: z
      .string({ error: 'required' })
      .trim()
      .min(1, { error: 'required' })
      .max(2048, { error: 'monitorUrlInvalid' })
      .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), { error: 'monitorUrlInvalid' }),
    method: z.enum(MONITOR_METHODS, { error: 'monitorMethodInvalid' }),
    expectedStatus: intField(100, 599, 'monitorExpectedStatusInvalid'),
    timeoutMs: intField(100, 60_000, 'monitorTimeoutInvalid'),
    intervalSeconds: intField(MIN_INTERVAL_SECONDS, 86_400, 'monitorIntervalInvalid'),
    degradedAfterMs: intField(1, 60_000, 'monitorDegradedInvalid'),
  })
  .refine((value) => value.degradedAfterMs < value.timeoutMs, { path: ['degradedAfterMs'], error: 'monitorDegradedInvalid' });

export type MonitorInput = z.infer<typeof monitorInputSchema>;

export const monitorIdSchema = z.object({ monitorId: z.uuid({ error: 'required' }) });
export const updateMonitorSchema = z.intersection(monitorIdSchema, monitorInputSchema);
export const setMonitorActiveSchema = z.object({
  monitorId: z.uuid({ error: 'required' }),
  active: z.enum(['true', 'false']).transform((value) => value === 'true'),
});
