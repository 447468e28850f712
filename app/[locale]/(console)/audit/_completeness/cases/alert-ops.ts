import { alertSilences } from '@/db/schema';
import { keyRing } from '@/lib/crypto/key';
import { createChannel } from '@/lib/notifications/channel-admin';
import { localDateTimeInput } from '@/lib/alerting/alert-search';
import type { CompletenessCase } from '../harness';

const SILENCES = 'app/[locale]/(console)/alerts/silences/actions.ts';
const CHANNELS = 'app/[locale]/(console)/settings/channels/actions.ts';
const system = { actor: { type: 'system' as const, id: 'completeness' }, request: {} };

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
  {
    id: `${CHANNELS}#updateChannelAction`,
    expect: { action: 'channel.update' },
    run: async (h) => {
      // A public-looking target, so the SSRF guard has nothing to refuse; the URL is kept (blank field).
      const channel = await createChannel(h.db, system, keyRing(), { name: 'Ops', type: 'discord', locale: 'en', timeZone: 'UTC', secret: { webhookUrl: 'https://93.184.216.34/api/webhooks/1/abc' }, public: {} }, { allowPrivate: false });
      const { updateChannelAction } = await import('@/app/[locale]/(console)/settings/channels/actions');
      await h.submit(updateChannelAction, { channelId: channel.id, name: 'Ops EU', locale: 'de', timeZone: 'Europe/Berlin', url: '' });
    },
  },
];
