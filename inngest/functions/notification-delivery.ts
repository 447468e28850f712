import { cron } from 'inngest';
import { jobRuns } from '../../db/schema';
import type { Db } from '../../db/types';
import { getDb } from '../../lib/db/database';
import { notificationDeliveryJob } from '../../lib/jobs/definitions';
import { jobErrorText } from '../../lib/jobs/run-job';
import type { DeliverResult } from '../../lib/notifications/deliver';
import { channelsWithDueNotifications } from '../../lib/notifications/due-channels';
import { runDelivery } from '../../lib/notifications/run-delivery';
import { inngest } from '../client';
import type { GetDb } from './create-job-function';

export type DeliverChannel = (db: Db, options: { channelId: string }) => Promise<DeliverResult>;

const COUNTS = ['claimed', 'delivered', 'retried', 'failed'] as const;

/**
 * notification-delivery under Inngest: one step lists the channels with due outbox rows,
 * then one step per channel (`deliver-<channelId>`) sends that channel's rows. Inngest
 * memoizes each step, so when one channel's step throws (its pass could not run) only that
 * step is retried; the others are not sent again. A receiver's own failures (5xx, 429,
 * timeouts) do not throw: the outbox reschedules those rows with backoff and a later run
 * picks them up. The in-process runner keeps using the job definition (all channels in
 * one pass). Each run ends with one job_runs row, failed if any channel's step failed.
 */
export function createNotificationDeliveryFunction(getDatabase: GetDb = getDb, deliver: DeliverChannel = runDelivery) {
  return inngest.createFunction({ id: notificationDeliveryJob.id, triggers: [cron(notificationDeliveryJob.cron)] }, async ({ step }) => {
    const { channelIds, startedAt } = await step.run('list-channels', async () => ({
      channelIds: await channelsWithDueNotifications(await getDatabase(), new Date()),
      startedAt: new Date().toISOString(),
    }));
    const settled = await Promise.allSettled(
      channelIds.map((channelId) =>
        step.run(`deliver-${channelId}`, async () => {
          try {
            return { ...(await deliver(await getDatabase(), { channelId })) };
          } catch (error) {
            // Inngest stores step errors whole; drizzle's carry the query's parameters.
            throw new Error(jobErrorText(error));
          }
        }),
      ),
    );
    const totals: Record<string, number> = { channels: channelIds.length, failedChannels: 0, claimed: 0, delivered: 0, retried: 0, failed: 0 };
    const errors: string[] = [];
    settled.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') for (const key of COUNTS) totals[key]! += Number(outcome.value?.[key] ?? 0);
      else {
        totals.failedChannels! += 1;
        errors.push(`${channelIds[i]}: ${jobErrorText(outcome.reason)}`);
      }
    });
    await step.run('record-run', async () => {
      await (await getDatabase()).insert(jobRuns).values({
        functionId: notificationDeliveryJob.id,
        trigger: 'cron',
        engine: 'inngest',
        startedAt: new Date(startedAt),
        finishedAt: new Date(),
        status: errors.length ? 'failed' : 'succeeded',
        error: errors.length ? errors.join('; ').slice(0, 1000) : null,
      });
    });
    return totals;
  });
}
