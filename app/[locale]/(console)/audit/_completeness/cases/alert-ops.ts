import { alertSilences } from '@/db/schema';
import { localDateTimeInput } from '@/lib/alerting/alert-search';
import type { CompletenessCase } from '../harness';

const SILENCES = 'app/[locale]/(console)/alerts/silences/actions.ts';

/** Alerts > Silences and channel editing (issue 4, operations). */
export const alertOpsCases: CompletenessCase[] = [
  {
    id: `${SILENCES}#createSilenceAction`,
    expect: { action: 'silence.create' },
    run: async (h) => {
      const { createSilenceAction } = await import('@/app/[locale]/(console)/alerts/silences/actions');
      const endsAt = localDateTimeInput(new Date(Date.now() + 2 * 3_600_000), h.user?.timeZone ?? 'UTC');
      await h.submit(createSilenceAction, { ruleId: '', severity: 'warning', metricType: '', endsAt, reason: 'maintenance' });
    },
  },
  {
    id: `${SILENCES}#expireSilenceAction`,
    expect: { action: 'silence.cancel' },
    run: async (h) => {
      const [silence] = await h.db.insert(alertSilences).values({ severity: 'critical', endsAt: new Date(Date.now() + 3_600_000), reason: 'seed' }).returning({ id: alertSilences.id });
      const { expireSilenceAction } = await import('@/app/[locale]/(console)/alerts/silences/actions');
      await h.submit(expireSilenceAction, { silenceId: silence!.id });
    },
  },
];
