import type { JobDefinition, JobResult } from '../jobs/definitions';
import { runAnalyticsAggregator } from './aggregate';
import { trainChurnModel } from './churn/train';

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

export const CHURN_TRAINING_JOB_ID = 'churn-training';

export const churnTrainingJob: JobDefinition = {
  id: CHURN_TRAINING_JOB_ID,
  cron: '23 4 * * *',
  description: 'Trains the churn model on users whose 28-day outcome is known (held-out AUC against a shuffled-label baseline) and scores every recently active user.',
  run: async ({ db, now }): Promise<JobResult> => {
    const result = await trainChurnModel(db, now);
    return result.trained
      ? { trained: true, auc: result.auc, baselineAuc: result.baselineAuc, trainSize: result.trainSize, testSize: result.testSize, predictions: result.predictions }
      : { trained: false, reason: result.reason };
  },
};
