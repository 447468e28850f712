import type { JobDefinition } from '../jobs/definitions';
import { runAnalyticsAggregator } from './aggregate';

export const ANALYTICS_AGGREGATOR_JOB_ID = 'analytics-aggregator';

export const analyticsAggregatorJob: JobDefinition = {
  id: ANALYTICS_AGGREGATOR_JOB_ID,
  cron: '7 * * * *',
  description: 'Recomputes the daily analytics rollups (revenue, MRR movements, active users, plugins, AI models) from the earliest day touched by newly received events through today.',
  run: async ({ db, now }) => {
    const result = await runAnalyticsAggregator(db, { now });
    return { from: result.from, to: result.to, days: result.days };
  },
};
