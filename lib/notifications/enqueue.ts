import { notificationOutbox } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import type { NotificationPayload } from './payload';

/** How long a notification is retried before it is given up as failed. */
export const DELIVERY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The key a receiver may use to drop repeats: one per alert, kind, channel (and reminder
 * time). Written into the unique idempotency_key column, so enqueueing twice (a retried
 * evaluation) is a no-op rather than a second page.
 */
export function idempotencyKey(payload: Pick<NotificationPayload, 'alertId' | 'kind' | 'at'>, channelId: string): string {
  const suffix = payload.kind === 'reminder' || payload.kind === 'test' ? `:${payload.at}` : '';
  return `${payload.alertId ?? 'none'}:${payload.kind}${suffix}:${channelId}`;
}

/** Outbox rows for one notification to each channel; call with the transaction of the change. */
export async function enqueueNotification(tx: DbOrTx, payload: NotificationPayload, channelIds: readonly string[], now: Date): Promise<number> {
  if (channelIds.length === 0) return 0;
  const rows = await tx
    .insert(notificationOutbox)
    .values(
      channelIds.map((channelId) => ({
        alertId: payload.alertId,
        channelId,
        kind: payload.kind,
        idempotencyKey: idempotencyKey(payload, channelId),
        payload,
        nextAttemptAt: now,
        createdAt: now,
        expiresAt: new Date(now.getTime() + DELIVERY_TTL_MS),
      })),
    )
    .onConflictDoNothing({ target: notificationOutbox.idempotencyKey })
    .returning({ id: notificationOutbox.id });
  return rows.length;
}
