import { createApiKey } from '@/lib/api-keys/create';
import { setOverride } from '@/lib/rate-limit/overrides';
import type { CompletenessCase } from '../harness';

const system = { actor: { type: 'system' as const, id: 'completeness' }, request: {} };

export const edgeCases: CompletenessCase[] = [
  {
    id: 'app/[locale]/(console)/performance/actions.ts#setOverrideAction',
    expect: { action: 'rate_limit.override_set' },
    run: async (h) => {
      const { setOverrideAction } = await import('@/app/[locale]/(console)/performance/actions');
      await h.submit(setOverrideAction, { subjectType: 'ip', subjectId: '203.0.113.9', policyGroup: 'public', mode: 'limit', limit: '10', reason: 'test', expiresInHours: '' });
    },
  },
  {
    id: 'app/[locale]/(console)/performance/actions.ts#removeOverrideAction',
    expect: { action: 'rate_limit.override_remove' },
    run: async (h) => {
      const override = await setOverride(h.db, { subjectType: 'ip', subjectId: '203.0.113.10', policyGroup: '*', mode: 'block', reason: '' }, system);
      const { removeOverrideAction } = await import('@/app/[locale]/(console)/performance/actions');
      await h.submit(removeOverrideAction, { overrideId: override.id });
    },
  },
  {
    id: 'app/[locale]/(console)/performance/actions.ts#setQuotaAction',
    expect: { action: 'quota.set' },
    run: async (h) => {
      const key = await createApiKey(h.db, { name: 'quota', scopes: ['metrics:write'], expiresInDays: null }, system);
      const { setQuotaAction } = await import('@/app/[locale]/(console)/performance/actions');
      await h.submit(setQuotaAction, { apiKeyId: key.id, monthlyLimit: '5000' });
    },
  },
  {
    id: 'app/[locale]/(console)/cache/actions.ts#purgeCacheAction',
    expect: { action: 'cache.purge' },
    run: async (h) => {
      const { purgeCacheAction } = await import('@/app/[locale]/(console)/cache/actions');
      await h.submit(purgeCacheAction, { kind: 'prefix', value: 'completeness:' });
    },
  },
];
