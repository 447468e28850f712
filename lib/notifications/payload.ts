import { z } from 'zod';

/**
 * What a notification says, frozen when it is enqueued (the outbox row's payload): the
 * rule may be edited or deleted before delivery, the message must still describe the alert
 * as it was.
 */
export const notificationPayloadSchema = z.object({
  kind: z.enum(['firing', 'resolved', 'reminder', 'test']),
  alertId: z.string().nullable(),
  ruleId: z.string().nullable(),
  ruleName: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  metricType: z.string(),
  endpoint: z.string().nullable(),
  aggregation: z.string(),
  condition: z.enum(['greater_than', 'less_than']),
  value: z.number().nullable(),
  threshold: z.number(),
  /** When this happened (fired, resolved, reminded), ISO 8601. */
  at: z.string(),
  firedAt: z.string().nullable(),
  /** Set for monitor-status rules: "down for N checks". */
  monitor: z.object({ condition: z.enum(['down', 'degraded']), checks: z.number() }).nullable(),
});

export type NotificationPayload = z.infer<typeof notificationPayloadSchema>;
export type NotificationKind = NotificationPayload['kind'];
