import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// runDelivery seals and opens with the process key (env()); give this file its own, before
// anything reads the environment, so no key file is written and Postgres runs need none.
vi.hoisted(() => {
  process.env.ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
  process.env.AUTH_SECRET ??= 'test-auth-secret-0123456789abcdef0123456789';
});

import { jobRuns, notificationAttempts, notificationChannels, notificationOutbox, systemAlerts } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { keyRing } from '../../lib/crypto/key';
import { sealChannelSecret } from '../../lib/notifications/channels';
import { enqueueNotification } from '../../lib/notifications/enqueue';
import type { NotificationPayload } from '../../lib/notifications/payload';
import { runDelivery } from '../../lib/notifications/run-delivery';
import { setSetting } from '../../lib/settings/settings';
import { createNotificationDeliveryFunction } from './notification-delivery';

const servers: http.Server[] = [];

/** A local Discord-like receiver answering every request with `status`. */
async function receiver(status: number) {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (status < 300) bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end('');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/1/token`, bodies };
}

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  // The receivers listen on 127.0.0.1, which the SSRF guard refuses unless an admin allows it.
  await setSetting(t.db, 'network.allow_private_targets', true, { actor: { type: 'system', id: 'test' }, request: {} });
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const server of servers.splice(0)) server.close();
  await t.close();
});

async function discordChannel(name: string, url: string) {
  const [row] = await t.db.insert(notificationChannels).values({ name, type: 'discord', ...sealChannelSecret(keyRing(), 'discord', { webhookUrl: url }) }).returning();
  return row!;
}

/** Two firing alerts, each to every given channel, due now. */
async function firing(channelIds: string[]) {
  const now = new Date();
  for (let i = 0; i < 2; i++) {
    const [alert] = await t.db.insert(systemAlerts).values({ severity: 'critical', message: `alert ${i}`, value: 812, threshold: 500 }).returning();
    const payload: NotificationPayload = {
      kind: 'firing', alertId: alert!.id, ruleId: null, ruleName: `p95 latency ${i}`, severity: 'critical', metricType: 'api_response_time',
      endpoint: null, aggregation: 'p95', condition: 'greater_than', value: 812, threshold: 500, at: now.toISOString(), firedAt: now.toISOString(), monitor: null,
    };
    await enqueueNotification(t.db, payload, channelIds, new Date(now.getTime() - 1000));
  }
}

const rowsOf = (channelId: string) => t.db.select().from(notificationOutbox).where(eq(notificationOutbox.channelId, channelId));

/** Settled: nothing leased, every claimed row's attempt recorded. */
async function settled() {
  const rows = await t.db.select().from(notificationOutbox);
  const attempts = await t.db.select().from(notificationAttempts);
  return rows.every((r) => r.lockedUntil === null) && attempts.every((a) => a.error !== 'sending');
}

// @inngest/test runs parallel steps by re-executing the function once per step, and may run a
// step's handler a second time while the first is still going (real Inngest can too: steps are
// at least once). The outbox lease makes that harmless, so these tests assert what the
// receivers and the outbox show once every handler has finished, not a step's return value.
describe('notification-delivery Inngest function', () => {
  it('runs one step per channel: a receiver answering 500 keeps its rows for a later retry, the other channel is delivered once', async () => {
    const good = await receiver(204);
    const bad = await receiver(500);
    const goodChannel = await discordChannel('Ops', good.url);
    const badChannel = await discordChannel('Broken', bad.url);
    await firing([goodChannel.id, badChannel.id]);

    const engine = new InngestTestEngine({ function: createNotificationDeliveryFunction(async () => t.db), events: [{ name: 'inngest/scheduled.timer', data: { cron: '* * * * *' } }] });
    const { result, error, ctx } = await engine.execute();
    await expect.poll(settled).toBe(true);

    expect(error).toBeUndefined();
    expect(result).toMatchObject({ channels: 2, failedChannels: 0 });
    const stepIds = new Set(vi.mocked(ctx.step.run).mock.calls.map(([id]) => id));
    expect([...stepIds].sort()).toEqual(['list-channels', `deliver-${goodChannel.id}`, `deliver-${badChannel.id}`, 'record-run'].sort());

    expect(good.bodies).toHaveLength(2);
    expect((await rowsOf(goodChannel.id)).map((r) => [r.status, r.attempts])).toEqual([['delivered', 1], ['delivered', 1]]);
    const badRows = await rowsOf(badChannel.id);
    expect(badRows.map((r) => [r.status, r.attempts, r.lastStatusCode])).toEqual([['pending', 1, 500], ['pending', 1, 500]]);
    expect(badRows.every((r) => r.nextAttemptAt > new Date())).toBe(true);
    expect(await t.db.select().from(notificationAttempts)).toHaveLength(4);
    const [run] = await t.db.select().from(jobRuns);
    expect(run).toMatchObject({ functionId: 'notification-delivery', engine: 'inngest', status: 'succeeded' });
  });

  it('a channel whose step throws fails alone (Inngest retries that step): the other channel is delivered, the failing one untouched', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // the SDK logs the failed step
    const good = await receiver(204);
    const goodChannel = await discordChannel('Ops', good.url);
    const brokenReceiver = await receiver(204);
    const brokenChannel = await discordChannel('Broken', brokenReceiver.url);
    await firing([goodChannel.id, brokenChannel.id]);
    // The broken channel's pass cannot run at all (as when its database connection drops).
    const deliver = (db: TestDb['db'], options: { channelId: string }) =>
      options.channelId === brokenChannel.id ? Promise.reject(new Error('connection terminated unexpectedly')) : runDelivery(db, options);

    const engine = new InngestTestEngine({ function: createNotificationDeliveryFunction(async () => t.db, deliver) });
    const { error } = await engine.execute();
    await expect.poll(async () => (await rowsOf(goodChannel.id)).map((r) => r.status)).toEqual(['delivered', 'delivered']);
    await expect.poll(settled).toBe(true);

    // The test engine stops at a failed step (it does not model retries); Inngest would retry
    // only this step, the delivered channel's step being memoized.
    expect((error as { message?: string } | undefined)?.message).toMatch(/connection terminated/);
    expect(good.bodies).toHaveLength(2);
    expect(brokenReceiver.bodies).toHaveLength(0);
    expect((await rowsOf(brokenChannel.id)).map((r) => [r.status, r.attempts])).toEqual([['pending', 0], ['pending', 0]]);
  });

  it('does nothing but record the run when no channel has due rows', async () => {
    const engine = new InngestTestEngine({ function: createNotificationDeliveryFunction(async () => t.db) });
    const { result, ctx } = await engine.execute();
    expect(result).toMatchObject({ channels: 0, delivered: 0 });
    expect(vi.mocked(ctx.step.run).mock.calls.map(([id]) => id)).toEqual(['list-channels', 'record-run']);
    expect(await t.db.select().from(jobRuns)).toHaveLength(1);
  });
});
