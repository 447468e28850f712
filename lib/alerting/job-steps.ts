import type { HealthMonitorStep } from '../monitors/health-monitor-job';
import { runDelivery } from '../notifications/run-delivery';
import { evaluateRules } from './evaluate';

/**
 * Steps appended to proactive-health-monitor after the probes, so rules see this minute's
 * checks; then delivery of what they enqueued. Each step's figures land in the job run's
 * result ("evaluate-rules.fired", "deliver-notifications.delivered", ...).
 */
export const alertingSteps: HealthMonitorStep[] = [
  {
    id: 'evaluate-rules',
    run: async ({ db, now }) => {
      const result = await evaluateRules(db, { now });
      if (result.fired || result.resolved || result.reminders) {
        console.info(`[alerting] evaluated ${result.rules} rules in ${result.durationMs} ms: ${result.fired} fired, ${result.resolved} resolved, ${result.reminders} reminders, ${result.enqueued} notifications enqueued`);
      }
      return { ...result };
    },
  },
  // Right after evaluation, so a page goes out in the same minute; the notification-delivery
  // job sends retries (and anything left) every minute as well.
  { id: 'deliver-notifications', run: async ({ db }) => ({ ...(await runDelivery(db)) }) },
];
