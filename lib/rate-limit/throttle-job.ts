import type { JobDefinition } from '../jobs/definitions';
import { pruneLimiterState } from './postgres-store';
import { invalidateLimiterAdjustments } from './runtime';
import { evaluateThrottle, THROTTLE_JOB_ID } from './throttle';

export const dynamicThrottleJob: JobDefinition = {
  id: THROTTLE_JOB_ID,
  cron: '* * * * *',
  description: 'Tightens the rate limits of an endpoint group whose error rate or p95 breaches its level, relaxes them after it recovers (audited); prunes idle limiter state.',
  run: async ({ db, now }) => {
    const changes = await evaluateThrottle(db, now);
    if (changes.length > 0) await invalidateLimiterAdjustments();
    const pruned = await pruneLimiterState(db, now.getTime());
    return { changes: changes.length, tightened: changes.filter((c) => c.action === 'tighten').map((c) => c.group).join(',') || null, pruned };
  },
};
