import type { HealthMonitorStep } from '../monitors/health-monitor-job';
import { evaluateRules } from './evaluate';

/**
 * Steps appended to proactive-health-monitor after the probes, so rules see this minute's
 * checks. Each step's figures land in the job run's result ("evaluate-rules.fired", ...).
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
];
