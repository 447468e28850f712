import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, notificationChannels } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import type { MutationContext } from '../audit/context';
import { keyRingFrom, open } from '../crypto/secret-box';
import type { Resolver } from '../net/ssrf';
import { createChannel, getChannel, updateChannel, type ChannelInput } from './channel-admin';

const ring = keyRingFrom(randomBytes(32).toString('base64'));
const publicDns: Resolver = async () => [{ address: '93.184.216.34', family: 4 }];
const privateDns: Resolver = async () => [{ address: '10.0.0.5', family: 4 }];
const options = { allowPrivate: false, resolve: publicDns };
const SIGNING_A = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
const SIGNING_B = `whsec_${Buffer.alloc(32, 2).toString('base64')}`;

let t: TestDb;
const admin: MutationContext = { actor: { type: 'system', id: 'test' }, request: {} };
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const webhookInput = (secret: ChannelInput['secret'], extra: Partial<ChannelInput> = {}): ChannelInput => ({ name: 'Receiver', type: 'webhook', locale: 'en', timeZone: 'UTC', secret, public: {}, ...extra });
const stored = async (id: string) => {
  const [row] = await t.db.select().from(notificationChannels).where(eq(notificationChannels.id, id));
  return { row: row!, secret: JSON.parse(open(ring, row!.secretConfig)) as Record<string, unknown> };
};

describe('editing a channel without being shown its secret', () => {
  it('blank secret fields keep the stored ones; a field given replaces only itself; the audit says whether credentials were replaced, never what they are', async () => {
    const channel = await createChannel(t.db, admin, ring, webhookInput({ url: 'https://hooks.example/in/SECRETPATH', signingSecret: SIGNING_A }), options);
    expect(channel.secretHint).toMatch(/^hooks\.example /);

    // Name, language and zone only: both secret fields left blank.
    const renamed = await updateChannel(t.db, admin, ring, channel.id, webhookInput({ url: '', signingSecret: '' }, { name: 'Receiver EU', locale: 'de', timeZone: 'Europe/Berlin' }), options);
    expect(renamed).toMatchObject({ name: 'Receiver EU', locale: 'de', timeZone: 'Europe/Berlin', secretHint: channel.secretHint });
    expect((await stored(channel.id)).secret).toEqual({ url: 'https://hooks.example/in/SECRETPATH', signingSecret: SIGNING_A });

    // A new signing secret only: the stored URL stays.
    const rotated = await updateChannel(t.db, admin, ring, channel.id, webhookInput({ url: '', signingSecret: SIGNING_B }, { name: 'Receiver EU' }), options);
    expect((await stored(channel.id)).secret).toEqual({ url: 'https://hooks.example/in/SECRETPATH', signingSecret: SIGNING_B });
    expect(rotated.secretHint).not.toBe(channel.secretHint);
    expect(JSON.stringify(await getChannel(t.db, channel.id))).not.toMatch(/SECRETPATH|whsec_/);

    const entries = await t.db.select().from(auditLog).orderBy(auditLog.id);
    expect(entries.map((e) => [e.action, (e.after as { credentialsReplaced?: boolean } | null)?.credentialsReplaced])).toEqual([
      ['channel.create', undefined],
      ['channel.update', false],
      ['channel.update', true],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/SECRETPATH|whsec_/);
  });

  it('checks a new URL like a new channel (private targets refused) and keeps the old one when refused', async () => {
    const channel = await createChannel(t.db, admin, ring, { name: 'Ops', type: 'discord', locale: 'en', timeZone: 'UTC', secret: { webhookUrl: 'https://discord.example/api/webhooks/1/abc' }, public: {} }, options);
    await expect(
      updateChannel(t.db, admin, ring, channel.id, { name: 'Ops', type: 'discord', locale: 'en', timeZone: 'UTC', secret: { webhookUrl: 'https://intranet.example/hook' }, public: {} }, { allowPrivate: false, resolve: privateDns }),
    ).rejects.toMatchObject({ messageKey: 'targetPrivate', details: { field: 'url' } });
    expect((await stored(channel.id)).secret).toEqual({ webhookUrl: 'https://discord.example/api/webhooks/1/abc' });
    await updateChannel(t.db, admin, ring, channel.id, { name: 'Ops', type: 'discord', locale: 'en', timeZone: 'UTC', secret: { webhookUrl: 'https://discord.example/api/webhooks/2/def' }, public: {} }, options);
    expect((await stored(channel.id)).secret).toEqual({ webhookUrl: 'https://discord.example/api/webhooks/2/def' });
  });

  it('an email channel keeps its stored password when the field is blank while its server settings change', async () => {
    const smtp = { host: 'smtp.example', port: 587, secure: false, username: 'alerts', from: 'alerts@example.com', to: ['ops@example.com'] };
    const channel = await createChannel(t.db, admin, ring, { name: 'Mail', type: 'email', locale: 'en', timeZone: 'UTC', secret: { password: 'hunter2-SECRET' }, public: smtp }, options);
    await updateChannel(t.db, admin, ring, channel.id, { name: 'Mail', type: 'email', locale: 'ja', timeZone: 'Asia/Tokyo', secret: { password: '' }, public: { ...smtp, port: 465, secure: true, to: ['oncall@example.com'] } }, options);
    const { row, secret } = await stored(channel.id);
    expect(secret).toEqual({ password: 'hunter2-SECRET' });
    expect(row.publicConfig).toMatchObject({ port: 465, secure: true, to: ['oncall@example.com'] });
  });

  it('a changed type needs the whole new secret', async () => {
    const channel = await createChannel(t.db, admin, ring, { name: 'Ops', type: 'discord', locale: 'en', timeZone: 'UTC', secret: { webhookUrl: 'https://discord.example/api/webhooks/1/abc' }, public: {} }, options);
    await expect(updateChannel(t.db, admin, ring, channel.id, webhookInput(null), options)).rejects.toMatchObject({ messageKey: 'channelSecretInvalid' });
    await expect(updateChannel(t.db, admin, ring, channel.id, webhookInput({ url: 'https://hooks.example/x', signingSecret: '' }), options)).rejects.toMatchObject({ messageKey: 'channelSecretInvalid', details: { field: 'signingSecret' } });
    expect((await stored(channel.id)).row.type).toBe('discord');
  });
});
