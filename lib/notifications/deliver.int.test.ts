import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertEvents, notificationAttempts, notificationChannels, notificationOutbox, systemAlerts } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { evaluateRules } from '../alerting/evaluate';
import { insertRule, point } from '../alerting/testing';
import { keyRingFrom } from '../crypto/secret-box';
import { sealChannelSecret } from './channels';
import { claimDue, deliverDue, type DeliverOptions } from './deliver';
import { enqueueNotification } from './enqueue';
import type { NotificationPayload } from './payload';

// Fault tests against local fake receivers (Discord, Slack, a Standard Webhooks consumer and
// an SMTP server), driven by a fake clock: sleep() and each simulated minute advance it.
const T0 = new Date('2026-06-01T12:00:00Z');
const ring = keyRingFrom(randomBytes(32).toString('base64'));

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  key: string;
  at: number;
}

/** A receiver whose answer is decided per request by `respond` (status, headers, body, or 'drop'). */
async function fakeReceiver(respond: (n: number) => { status: number; headers?: Record<string, string>; body?: string } | 'drop') {
  const accepted: Received[] = [];
  let requests = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = respond(requests++);
      if (answer === 'drop') {
        req.socket.destroy();
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      if (answer.status < 300) accepted.push({ headers: req.headers, body, key: String(req.headers['x-idempotency-key'] ?? req.headers['webhook-id']), at: clock.getTime() });
      res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(server);
  return { url, accepted, requests: () => requests };
}

let t: TestDb;
let clock: Date;
const servers: http.Server[] = [];
const options = (extra: Partial<DeliverOptions> = {}): DeliverOptions => ({
  ring,
  clock: () => clock,
  sleep: async (ms) => {
    clock = new Date(clock.getTime() + ms);
  },
  random: () => 0.5,
  allowPrivate: true,
  appUrl: 'https://console.example',
  timeoutMs: 2000,
  ...extra,
});

beforeEach(async () => {
  t = await createTestDb();
  clock = T0;
});
afterEach(async () => {
  for (const server of servers.splice(0)) server.close();
  await t.close();
});

async function channel(type: 'discord' | 'slack' | 'webhook' | 'email', secret: unknown, extra: Partial<typeof notificationChannels.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(notificationChannels)
    .values({ name: `${type} channel`, type, ...sealChannelSecret(ring, type, secret), ...extra })
    .returning();
  return row!;
}

async function alertWith(channelIds: string[], n = 1) {
  const payloads: NotificationPayload[] = [];
  for (let i = 0; i < n; i++) {
    const [alert] = await t.db.insert(systemAlerts).values({ severity: 'critical', message: `alert ${i}`, value: 812, threshold: 500 }).returning();
    const payload: NotificationPayload = {
      kind: 'firing', alertId: alert!.id, ruleId: null, ruleName: `p95 latency ${i}`, severity: 'critical', metricType: 'api_response_time',
      endpoint: '/api/orders', aggregation: 'p95', condition: 'greater_than', value: 812, threshold: 500, at: clock.toISOString(), firedAt: clock.toISOString(), monitor: null,
    };
    await enqueueNotification(t.db, payload, channelIds, clock);
    payloads.push(payload);
  }
  return payloads;
}

/** Runs a delivery pass every simulated minute until nothing is pending (or the limit). */
async function runMinutes(limit: number, extra: Partial<DeliverOptions> = {}) {
  for (let m = 0; m < limit; m++) {
    await deliverDue(t.db, options(extra));
    const pending = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.status, 'pending'));
    if (pending.length === 0) return m;
    clock = new Date(Math.max(clock.getTime(), T0.getTime() + (m + 1) * 60_000));
  }
  return limit;
}

const unique = (list: Received[]) => new Set(list.map((r) => r.key)).size;

describe('notification delivery under faults', () => {
  it('Discord down for 10 minutes (503s and dropped connections): every notification arrives once, attempts recorded', async () => {
    const discord = await fakeReceiver((n) => (clock.getTime() < T0.getTime() + 10 * 60_000 ? (n % 2 ? 'drop' : { status: 503 }) : { status: 204 }));
    const ch = await channel('discord', { webhookUrl: `${discord.url}/api/webhooks/1/abc` }, { locale: 'de', timeZone: 'Europe/Berlin' });
    const payloads = await alertWith([ch.id], 3);
    await runMinutes(24 * 60);
    expect(discord.accepted).toHaveLength(3);
    expect(unique(discord.accepted)).toBe(3);
    expect(discord.accepted.every((r) => r.at >= T0.getTime() + 10 * 60_000)).toBe(true);
    const embed = JSON.parse(discord.accepted[0]!.body).embeds[0];
    expect(embed.title).toMatch(/Kritisch.*ausgelöst/);
    expect(embed.color).toBe(0xdc2626);
    expect(embed.url).toMatch(/^https:\/\/console\.example\/de\/alerts\//);
    expect(JSON.stringify(embed.fields)).toMatch(/MESZ|GMT\+2|\+02:00/);
    const attempts = await t.db.select().from(notificationAttempts);
    expect(attempts.length).toBeGreaterThan(3);
    expect(attempts.filter((a) => a.outcome === 'delivered')).toHaveLength(3);
    expect(attempts.some((a) => a.outcome === 'retry' && a.statusCode === 503)).toBe(true);
    expect(attempts.some((a) => a.outcome === 'retry' && a.statusCode === null && /network/.test(a.error ?? ''))).toBe(true);
    const events = await t.db.select().from(alertEvents).where(eq(alertEvents.alertId, payloads[0]!.alertId!));
    expect(events.map((e) => e.type)).toEqual(['notified']);
  });

  it('a burst of 429s: waits for retry_after (seconds or milliseconds) and Retry-After, then delivers', async () => {
    const discord = await fakeReceiver((n) => (n < 4 ? { status: 429, body: JSON.stringify({ retry_after: n % 2 ? 2500 : 1.5, global: false }) } : { status: 204 }));
    const slack = await fakeReceiver((n) => (n < 3 ? { status: 429, headers: { 'retry-after': '30' } } : { status: 200, body: 'ok' }));
    const d = await channel('discord', { webhookUrl: `${discord.url}/wh` });
    const s = await channel('slack', { webhookUrl: `${slack.url}/services/T/B/X` });
    await alertWith([d.id, s.id], 2);
    await runMinutes(60);
    expect(unique(discord.accepted)).toBe(2);
    expect(discord.accepted).toHaveLength(2);
    expect(unique(slack.accepted)).toBe(2);
    const retries = await t.db.select().from(notificationOutbox);
    expect(retries.every((r) => r.status === 'delivered')).toBe(true);
    const blocks = JSON.parse(slack.accepted[0]!.body).blocks as { type: string }[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'actions', 'context']);
  });

  it('at most one Slack message per second per channel', async () => {
    const slack = await fakeReceiver(() => ({ status: 200, body: 'ok' }));
    const s = await channel('slack', { webhookUrl: `${slack.url}/services/T/B/X` });
    await alertWith([s.id], 5);
    await deliverDue(t.db, options());
    expect(slack.accepted).toHaveLength(5);
    const times = slack.accepted.map((r) => r.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
  });

  it('a restart in the middle loses nothing: leased rows come back after the lease, pending rows are picked up', async () => {
    const hook = await fakeReceiver(() => ({ status: 204 }));
    const ch = await channel('discord', { webhookUrl: `${hook.url}/wh` });
    await alertWith([ch.id], 4);
    // A sender claims two rows and dies before sending.
    const claimed = await claimDue(t.db, clock, { limit: 2, leaseMs: 120_000 });
    expect(claimed).toHaveLength(2);
    await deliverDue(t.db, options()); // the new process: the two free rows now, not the leased ones
    expect(hook.accepted).toHaveLength(2);
    clock = new Date(T0.getTime() + 121_000);
    await deliverDue(t.db, options());
    expect(hook.accepted).toHaveLength(4);
    expect(unique(hook.accepted)).toBe(4);
  });

  it('other 4xx are permanent failures, shown on the timeline', async () => {
    const gone = await fakeReceiver(() => ({ status: 404, body: '{"message": "Unknown Webhook"}' }));
    const ch = await channel('discord', { webhookUrl: `${gone.url}/wh` });
    const [payload] = await alertWith([ch.id]);
    await runMinutes(5);
    const [row] = await t.db.select().from(notificationOutbox);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 404 });
    expect(row!.lastError).toMatch(/Unknown Webhook/);
    const events = await t.db.select().from(alertEvents).where(eq(alertEvents.alertId, payload!.alertId!));
    expect(events.map((e) => e.type)).toEqual(['notification_failed']);
  });

  it('generic webhooks are signed per Standard Webhooks', async () => {
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const hook = await fakeReceiver(() => ({ status: 200 }));
    const ch = await channel('webhook', { url: `${hook.url}/in`, signingSecret: secret });
    await alertWith([ch.id]);
    await deliverDue(t.db, options());
    const [got] = hook.accepted;
    const id = String(got!.headers['webhook-id']);
    const ts = String(got!.headers['webhook-timestamp']);
    const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64')).update(`${id}.${ts}.${got!.body}`).digest('base64');
    expect(got!.headers['webhook-signature']).toBe(`v1,${expected}`);
    expect(Number(ts)).toBe(Math.floor(clock.getTime() / 1000));
    expect(JSON.parse(got!.body)).toMatchObject({ type: 'alert.firing', data: { ruleName: 'p95 latency 0', value: 812 } });
  });

  it('refuses private webhook targets unless allowed', async () => {
    const hook = await fakeReceiver(() => ({ status: 200 }));
    const ch = await channel('slack', { webhookUrl: `${hook.url}/x` });
    await alertWith([ch.id]);
    await deliverDue(t.db, options({ allowPrivate: false }));
    expect(hook.requests()).toBe(0);
    const [row] = await t.db.select().from(notificationOutbox);
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.lastError).toMatch(/blocked/);
  });

  it('email over SMTP: the server refuses for 10 minutes, then gets text and HTML once per notification', async () => {
    const mails: { raw: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onConnect(_session, callback) {
        if (clock.getTime() < T0.getTime() + 10 * 60_000) return callback(Object.assign(new Error('service not available'), { responseCode: 421 }));
        callback();
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({ raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    try {
      const ch = await channel('email', { password: '' }, { publicConfig: { host: '127.0.0.1', port, secure: false, username: '', from: 'alerts@example.com', to: ['oncall@example.com'] }, locale: 'ja', timeZone: 'Asia/Tokyo' });
      await alertWith([ch.id], 2);
      await runMinutes(120);
      expect(mails).toHaveLength(2);
      expect(mails[0]!.raw).toMatch(/X-Idempotency-Key:\s+[0-9a-f-]+:firing:/);
      expect(mails[0]!.raw).toMatch(/text\/plain/);
      expect(mails[0]!.raw).toMatch(/text\/html/);
      const attempts = await t.db.select().from(notificationAttempts);
      expect(attempts.filter((a) => a.outcome === 'retry').length).toBeGreaterThan(0);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });

  it('end to end: a rule fires, the outbox row is delivered, the timeline shows it', async () => {
    const discord = await fakeReceiver(() => ({ status: 204 }));
    const ch = await channel('discord', { webhookUrl: `${discord.url}/wh` });
    const rule = await insertRule(t.db, { endpoint: 'a', notificationChannels: [ch.id] });
    await point(t.db, new Date(T0.getTime() - 1000), 900, 'api_response_time', 'a');
    await evaluateRules(t.db, { now: T0 });
    await deliverDue(t.db, options());
    expect(discord.accepted).toHaveLength(1);
    const [alert] = await t.db.select().from(systemAlerts).where(eq(systemAlerts.alertRuleId, rule.id));
    const events = await t.db.select().from(alertEvents).where(eq(alertEvents.alertId, alert!.id));
    expect(events.map((e) => e.type).sort()).toEqual(['fired', 'notified']);
  });
});
