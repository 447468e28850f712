import type { CompletenessCase } from '../harness';

export const jobCases: CompletenessCase[] = [
  {
    id: 'app/[locale]/(console)/jobs/actions.ts#runJobNowAction',
    expect: { action: 'job.run_manual' },
    run: async (h) => {
      const { runJobNowAction } = await import('@/app/[locale]/(console)/jobs/actions');
      await h.submit(runJobNowAction, { jobId: 'housekeeping' });
    },
  },
];
