import { systemAlerts } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/create';
import { keyRing } from '@/lib/crypto/key';
import { createMonitor } from '@/lib/monitors/save';
import { createChannel } from '@/lib/notifications/channel-admin';
import { setSetting } from '@/lib/settings/settings';
import type { CompletenessCase, Harness } from '../harness';

const system = { actor: { type: 'system' as const, id: 'completeness' }, request: {} };
const KEYS = 'app/[locale]/(console)/settings/api-keys/actions.ts';
const MONITORS = 'app/[locale]/(console)/settings/monitors/actions.ts';
const CHANNELS = 'app/[locale]/(console)/settings/channels/actions.ts';
const ALERTS = 'app/[locale]/(console)/alerts/actions.ts';
const ANALYTICS_SETTINGS = 'app/[locale]/(console)/analytics/settings/actions.ts';

// Monitors and channels point at a local receiver here, which the SSRF guard refuses unless
// private targets are allowed: allow them first (audited, but before the case's own call).
async function allowPrivate(h: Harness) {
  await setSetting(h.db, 'network.allow_private_targets', true, system);
}

const monitorFields = {
  name: 'Local API',
  url: 'http://127.0.0.1:9/health',
  method: 'GET',
  expectedStatus: '200',
  timeoutMs: '5000',
  intervalSeconds: '60',
  degradedAfterMs: '1000',
};

async function seedMonitor(h: Harness) {
  await allowPrivate(h);
  return createMonitor(h.db, { name: 'Seed', url: 'http://127.0.0.1:9/', method: 'GET', expectedStatus: 200, timeoutMs: 5000, intervalSeconds: 60, degradedAfterMs: 1000 }, system);
}

async function seedChannel(h: Harness) {
  await allowPrivate(h);
  return createChannel(
    h.db,
    system,
    keyRing(),
    { name: 'Ops', type: 'slack', locale: 'en', timeZone: 'UTC', secret: { webhookUrl: 'http://127.0.0.1:9/hook' }, public: {} },
    { allowPrivate: true },
  );
}

async function seedOpenAlert(h: Harness) {
  const [alert] = await h.db.insert(systemAlerts).values({ severity: 'warning', message: 'completeness' }).returning({ id: systemAlerts.id });
  return alert!.id;
}

export const healthAlertsAnalyticsCases: CompletenessCase[] = [
  {
    id: `${KEYS}#createApiKeyAction`,
    expect: { action: 'api_key.create' },
    run: async (h) => {
      const { createApiKeyAction } = await import('@/app/[locale]/(console)/settings/api-keys/actions');
      await h.submit(createApiKeyAction, { name: 'collector', expiresInDays: 'never', 'scope:metrics:write': 'on' });
    },
  },
  {
    id: `${KEYS}#revokeApiKeyAction`,
    expect: { action: 'api_key.revoke' },
    run: async (h) => {
      const key = await createApiKey(h.db, { name: 'old', scopes: ['metrics:write'], expiresInDays: null }, system);
      const { revokeApiKeyAction } = await import('@/app/[locale]/(console)/settings/api-keys/actions');
      await h.submit(revokeApiKeyAction, { keyId: key.id });
    },
  },
  {
    id: `${MONITORS}#createMonitorAction`,
    expect: { action: 'monitor.create' },
    run: async (h) => {
      await allowPrivate(h);
      const { createMonitorAction } = await import('@/app/[locale]/(console)/settings/monitors/actions');
      await h.submit(createMonitorAction, monitorFields);
    },
  },
  {
    id: `${MONITORS}#updateMonitorAction`,
    expect: { action: 'monitor.update' },
    run: async (h) => {
      const monitor = await seedMonitor(h);
      const { updateMonitorAction } = await import('@/app/[locale]/(console)/settings/monitors/actions');
      await h.submit(updateMonitorAction, { monitorId: monitor.id, ...monitorFields, name: 'Renamed' });
    },
  },
  {
    id: `${MONITORS}#setMonitorActiveAction`,
    expect: { action: 'monitor.disable' },
    run: async (h) => {
      const monitor = await seedMonitor(h);
      const { setMonitorActiveAction } = await import('@/app/[locale]/(console)/settings/monitors/actions');
      await h.submit(setMonitorActiveAction, { monitorId: monitor.id, active: 'false' });
    },
  },
  {
    id: `${MONITORS}#deleteMonitorAction`,
    expect: { action: 'monitor.delete' },
    run: async (h) => {
      const monitor = await seedMonitor(h);
      const { deleteMonitorAction } = await import('@/app/[locale]/(console)/settings/monitors/actions');
      await h.expectRedirect(() => h.submit(deleteMonitorAction, { monitorId: monitor.id }));
    },
  },
  {
    id: 'app/[locale]/(console)/settings/network/actions.ts#saveNetworkSettingsAction',
    expect: { action: 'settings.update' },
    run: async (h) => {
      const { saveNetworkSettingsAction } = await import('@/app/[locale]/(console)/settings/network/actions');
      await h.submit(saveNetworkSettingsAction, { allowPrivateTargets: 'on' });
    },
  },
  {
    id: `${CHANNELS}#createChannelAction`,
    expect: { action: 'channel.create' },
    run: async (h) => {
      await allowPrivate(h);
      const { createChannelAction } = await import('@/app/[locale]/(console)/settings/channels/actions');
      await h.submit(createChannelAction, { name: 'Ops', type: 'discord', locale: 'en', timeZone: 'UTC', url: 'http://127.0.0.1:9/webhook' });
    },
  },
  {
    id: `${CHANNELS}#setChannelActiveAction`,
    expect: { action: 'channel.disable' },
    run: async (h) => {
      const channel = await seedChannel(h);
      const { setChannelActiveAction } = await import('@/app/[locale]/(console)/settings/channels/actions');
      await h.submit(setChannelActiveAction, { channelId: channel.id, active: 'false' });
    },
  },
  {
    id: `${CHANNELS}#testChannelAction`,
    expect: { action: 'channel.test' },
    run: async (h) => {
      const channel = await seedChannel(h);
      const { testChannelAction } = await import('@/app/[locale]/(console)/settings/channels/actions');
      // Nothing listens on port 9: the test notification stays queued, which the action reports
      // as an error answer; the audit entry of the request is what this case is about.
      const data = new FormData();
      data.set('channelId', channel.id);
      await testChannelAction({ status: 'idle' }, data);
    },
  },
  {
    id: `${CHANNELS}#deleteChannelAction`,
    expect: { action: 'channel.delete' },
    run: async (h) => {
      const channel = await seedChannel(h);
      const { deleteChannelAction } = await import('@/app/[locale]/(console)/settings/channels/actions');
      await h.submit(deleteChannelAction, { channelId: channel.id });
    },
  },
  {
    id: `${ALERTS}#acknowledgeAlertAction`,
    expect: { action: 'alert.acknowledge' },
    run: async (h) => {
      const alertId = await seedOpenAlert(h);
      const { acknowledgeAlertAction } = await import('@/app/[locale]/(console)/alerts/actions');
      await h.submit(acknowledgeAlertAction, { alertId, comment: 'looking' });
    },
  },
  {
    id: `${ALERTS}#resolveAlertAction`,
    expect: { action: 'alert.resolve' },
    run: async (h) => {
      const alertId = await seedOpenAlert(h);
      const { resolveAlertAction } = await import('@/app/[locale]/(console)/alerts/actions');
      await h.submit(resolveAlertAction, { alertId, comment: '' });
    },
  },
  {
    id: 'app/[locale]/(console)/analytics/funnels/actions.ts#saveFunnelAction',
    expect: { action: 'funnel.create' },
    run: async (h) => {
      const { saveFunnelAction } = await import('@/app/[locale]/(console)/analytics/funnels/actions');
      await h.expectRedirect(() =>
        h.submit(saveFunnelAction, { name: 'Signup to plugin', windowHours: '72', step1Event: 'signup', step2Event: 'plugin_installed' }),
      );
    },
  },
  {
    id: `${ANALYTICS_SETTINGS}#setExchangeRateAction`,
    expect: { action: 'exchange_rate.set' },
    run: async (h) => {
      const { setExchangeRateAction } = await import('@/app/[locale]/(console)/analytics/settings/actions');
      await h.submit(setExchangeRateAction, { day: '2026-04-01', base: 'usd', quote: 'EUR', rate: '0.92' });
    },
  },
  {
    id: `${ANALYTICS_SETTINGS}#importExchangeRatesAction`,
    expect: { action: 'exchange_rates.import' },
    run: async () => {
      const { importExchangeRatesAction } = await import('@/app/[locale]/(console)/analytics/settings/actions');
      // The form posts a file, not a text field: build the FormData the browser would send.
      const data = new FormData();
      data.set('file', new File(['day,base,quote,rate\n2026-04-01,USD,EUR,0.92\n2026-04-01,USD,JPY,151.5\n'], 'rates.csv', { type: 'text/csv' }));
      const state = await importExchangeRatesAction({ status: 'idle' }, data);
      if (state.status !== 'success') throw new Error(`import refused: ${state.message}`);
    },
  },
  {
    id: `${ANALYTICS_SETTINGS}#setModelPriceAction`,
    expect: { action: 'model_price.update' },
    run: async (h) => {
      const { setModelPriceAction } = await import('@/app/[locale]/(console)/analytics/settings/actions');
      await h.submit(setModelPriceAction, { model: 'gpt-test', promptPer1kUsd: '0.0015', completionPer1kUsd: '0.002' });
    },
  },
];
