import type { Db } from '../../db/types';
import { analyticsAggregatorJob, churnTrainingJob } from '../analytics/jobs';
import { runHousekeeping } from '../housekeeping/housekeeping';
import { dynamicThrottleJob } from '../rate-limit/throttle-job';
import { healthMonitorSteps, proactiveHealthMonitorJob, runHealthMonitor } from '../monitors/health-monitor-job';
import { alertingSteps } from '../alerting/job-steps';
import { NOTIFICATION_DELIVERY_JOB_ID, runDelivery } from '../notifications/run-delivery';
import { applyMetricsRetention } from '../metrics/retention';
import { rollUpMetrics } from '../metrics/rollup';
import { AUDIT_RETENTION_JOB_ID, AUDIT_VERIFY_JOB_ID, runAuditRetentionJob, runAuditVerifyJob } from '../audit/jobs';

export interface JobContext {
  db: Db;
  /** The run's logical time; jobs compare against it instead of reading the clock. */
  now: Date;
}

/** A plain JSON object: Inngest memoizes step results as JSON. */
export type JobResult = Record<string, string | number | boolean | null>;

/**
 * A job declared once and run by either engine: Inngest (cron trigger) or the in-process
 * scheduler. `cron` is a 5-field expression in UTC, optionally prefixed with `TZ=Area/City`,
 * the syntax both Inngest and lib/jobs/cron.ts understand.
 */
export interface JobDefinition {
  id: string;
  cron: string;
  description: string;
  run(ctx: JobContext): Promise<JobResult>;
}

export const housekeepingJob: JobDefinition = {
  id: 'housekeeping',
  cron: '*/5 * * * *',
  description: 'Deletes expired cache entries, job runs older than 30 days and sign-in attempts older than a day.',
  run: async ({ db, now }) => ({ ...(await runHousekeeping(db, { now })) }),
};

export const auditVerifyJob: JobDefinition = {
  id: AUDIT_VERIFY_JOB_ID,
  cron: '17 3 * * *',
  description: 'Verifies the audit log hash chain; a broken link raises a critical alert naming the entry.',
  run: async ({ db }) => runAuditVerifyJob(db),
};

export const auditRetentionJob: JobDefinition = {
  id: AUDIT_RETENTION_JOB_ID,
  cron: '47 2 * * *',
  description: 'Removes whole days of audit entries older than the retention period, leaving an anchor for verification.',
  run: async ({ db, now }) => runAuditRetentionJob(db, now),
};

export const metricsRollupJob: JobDefinition = {
  id: 'metrics-rollup',
  cron: '* * * * *',
  description: 'Rolls raw metrics into 1-minute, 1-hour, 6-hour and 1-day buckets, recomputing the last 10 minutes and 2 hours (and the 6 hours and day around them) for late points.',
  run: async ({ db, now }) => {
    const { minute, hour, sixHour, day } = await rollUpMetrics(db, { now });
    return {
      minuteBuckets: minute?.buckets ?? 0,
      hourBuckets: hour?.buckets ?? 0,
      sixHourBuckets: sixHour?.buckets ?? 0,
      dayBuckets: day?.buckets ?? 0,
      minuteFrom: minute?.from.toISOString() ?? null,
      hourFrom: hour?.from.toISOString() ?? null,
    };
  },
};

export const metricsRetentionJob: JobDefinition = {
  id: 'metrics-retention',
  cron: '37 3 * * *',
  description: 'Deletes raw metrics, 1-minute rollups and 1-hour (with 6-hour and daily) rollups older than their retention settings (default 7, 30 and 400 days), in small batches.',
  run: async ({ db, now }) => ({ ...(await applyMetricsRetention(db, { now })) }),
};

/**
 * proactive-health-monitor with the alerting steps after the probes (issue 4): the monitors'
 * own definition stays as it is; this one adds rule evaluation and notification delivery.
 */
export const healthMonitorWithAlertingJob: JobDefinition = {
  ...proactiveHealthMonitorJob,
  description: `${proactiveHealthMonitorJob.description} Then evaluates the active alert rules and enqueues their notifications.`,
  run: (ctx) => runHealthMonitor(ctx, [...healthMonitorSteps, ...alertingSteps]),
};

/** Sends due notifications (new ones, retries after backoff) from the outbox every minute. */
export const notificationDeliveryJob: JobDefinition = {
  id: NOTIFICATION_DELIVERY_JOB_ID,
  cron: '* * * * *',
  description: 'Delivers pending alert notifications from the outbox (Discord, Slack, email, webhooks), retrying with backoff for up to 24 hours.',
  run: async ({ db }) => ({ ...(await runDelivery(db)) }),
};

/** Every job. Adding one here adds an Inngest function and an in-process schedule. */
export const jobDefinitions: readonly JobDefinition[] = [housekeepingJob, auditVerifyJob, auditRetentionJob, metricsRollupJob, metricsRetentionJob, healthMonitorWithAlertingJob, notificationDeliveryJob, analyticsAggregatorJob, churnTrainingJob, dynamicThrottleJob];

export function findJobDefinition(id: string): JobDefinition | undefined {
  return jobDefinitions.find((definition) => definition.id === id);
}
