import { and, asc, eq, lte } from 'drizzle-orm';
import { notificationOutbox } from '../../db/schema';
import type { DbOrTx } from '../../db/types';

/**
 * Channels with outbox rows due now (pending, next attempt reached), oldest first: the
 * Inngest delivery function runs one step per channel so a failing channel retries alone.
 * Rows past their 24 h expiry are due too, so each pass also gives those up.
 */
export async function channelsWithDueNotifications(db: DbOrTx, now: Date): Promise<string[]> {
  const rows = await db
    .selectDistinctOn([notificationOutbox.channelId], { channelId: notificationOutbox.channelId, nextAttemptAt: notificationOutbox.nextAttemptAt })
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.status, 'pending'), lte(notificationOutbox.nextAttemptAt, now)))
    .orderBy(notificationOutbox.channelId, asc(notificationOutbox.nextAttemptAt));
  return rows.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime()).map((r) => r.channelId);
}
