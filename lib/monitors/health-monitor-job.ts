import type { JobContext, JobDefinition, JobResult } from '../jobs/definitions';
import { probeDueMonitors } from './run-probes';

export const HEALTH_MONITOR_JOB_ID = 'proactive-health-monitor';

/** One step of the job: its results appear in the run's result as "<step id>.<key>". */
export interface HealthMonitorStep {
  id: string;
  run(ctx: JobContext): Promise<JobResult>;
}

/**
 * The steps of proactive-health-monitor, run in this order every minute. Probing comes first
 * so that later steps (the alerting issue adds rule evaluation here) see this minute's checks.
 */
export const healthMonitorSteps: HealthMonitorStep[] = [
  { id: 'probe-monitors', run: async ({ db, now }) => ({ ...(await probeDueMonitors(db, { now })) }) },
];

/**
 * Runs every step even when an earlier one fails (a broken probe must not stop alert
 * evaluation), then fails the run naming the failed steps, so job_runs shows the error.
 */
export async function runHealthMonitor(ctx: JobContext, steps: readonly HealthMonitorStep[] = healthMonitorSteps): Promise<JobResult> {
  const result: JobResult = {};
  const failures: string[] = [];
  for (const step of steps) {
    try {
      for (const [key, value] of Object.entries(await step.run(ctx))) result[`${step.id}.${key}`] = value;
    } catch (error) {
      failures.push(`${step.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length) throw new Error(`proactive-health-monitor steps failed: ${failures.join('; ')}`);
  return result;
}

export const proactiveHealthMonitorJob: JobDefinition = {
  id: HEALTH_MONITOR_JOB_ID,
  cron: '* * * * *',
  description: 'Probes the due HTTP monitors (at most 8 at a time) and records up, degraded or down with the response time.',
  run: (ctx) => runHealthMonitor(ctx),
};
