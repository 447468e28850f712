import type { CompletenessCase } from '../harness';

const AUDIT = 'app/[locale]/(console)/audit/actions.ts';

export const auditCases: CompletenessCase[] = [
  {
    id: `${AUDIT}#verifyChainAction`,
    expect: { action: 'audit.verify' },
    run: async (h) => {
      const { verifyChainAction } = await import('@/app/[locale]/(console)/audit/actions');
      await h.submit(verifyChainAction, {});
    },
  },
  {
    id: `${AUDIT}#saveRetentionAction`,
    expect: { action: 'settings.update' },
    run: async (h) => {
      const { saveRetentionAction } = await import('@/app/[locale]/(console)/audit/actions');
      await h.submit(saveRetentionAction, { days: '500' });
    },
  },
];
