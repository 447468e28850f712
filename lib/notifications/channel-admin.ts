import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { CHANNEL_TYPES, notificationChannels } from '../../db/schema';
import type { Db } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import { open, type KeyRing } from '../crypto/secret-box';
import { invalid, notFound } from '../errors/service-error';
import { LOCALES, isTimeZone } from '../i18n/config';
import { checkTarget, systemResolver, type Resolver, type TargetProblem } from '../net/ssrf';
import { sealChannelSecret } from './channels';
import { enqueueNotification } from './enqueue';
import { PROVIDERS } from './providers';

export const channelInputSchema = z.object({
  name: z.string().trim().min(1, 'nameRequired').max(100),
  type: z.enum(CHANNEL_TYPES),
  locale: z.enum(LOCALES),
  timeZone: z.string().refine(isTimeZone, 'timeZoneInvalid'),
  /** Provider secret fields; on update, absent means "keep the stored secret". */
  secret: z.record(z.string(), z.unknown()).nullable(),
  public: z.record(z.string(), z.unknown()).default({}),
});
export type ChannelInput = z.infer<typeof channelInputSchema>;

/** The same words as the monitors form for a refused target (message keys under "errors"). */
const TARGET_MESSAGES: Record<TargetProblem, string> = {
  loopback: 'targetLoopback',
  private: 'targetPrivate',
  link_local: 'targetLinkLocal',
  unspecified: 'targetUnspecified',
  shared: 'targetShared',
  multicast: 'targetMulticast',
  reserved: 'targetReserved',
  unresolvable: 'targetUnresolvable',
  invalid_url: 'monitorUrlInvalid',
  scheme: 'monitorUrlInvalid',
  credentials: 'monitorUrlCredentials',
};

/** The URL a channel will call, checked by the SSRF guard when it is saved (and at send time). */
function targetUrl(type: ChannelInput['type'], secret: Record<string, unknown>): string | null {
  if (type === 'webhook') return typeof secret.url === 'string' ? secret.url : null;
  if (type === 'discord' || type === 'slack') return typeof secret.webhookUrl === 'string' ? secret.webhookUrl : null;
  return null;
}

async function prepare(input: ChannelInput, ring: KeyRing, options: { allowPrivate: boolean; resolve?: Resolver }): Promise<{ publicConfig: Record<string, unknown>; secretConfig?: string; secretHint?: string }> {
  const provider = PROVIDERS[input.type];
  const publicParsed = provider.publicSchema.safeParse(input.public);
  if (!publicParsed.success) throw invalid('channelConfigInvalid', String(publicParsed.error.issues[0]?.path[0] ?? 'public'));
  if (!input.secret) return { publicConfig: publicParsed.data as Record<string, unknown> };
  const secretParsed = provider.secretSchema.safeParse(input.secret);
  if (!secretParsed.success) throw invalid('channelSecretInvalid', String(secretParsed.error.issues[0]?.path[0] ?? 'secret'));
  const url = targetUrl(input.type, input.secret);
  if (url) {
    const check = await checkTarget(url, { allowPrivate: options.allowPrivate, resolve: options.resolve ?? systemResolver });
    if (!check.ok) throw invalid(TARGET_MESSAGES[check.problem], 'url');
  }
  return { publicConfig: publicParsed.data as Record<string, unknown>, ...sealChannelSecret(ring, input.type, secretParsed.data) };
}

/** What may be shown of a channel: never the secret, only its hint. */
export const publicView = (row: typeof notificationChannels.$inferSelect) => ({
  id: row.id,
  name: row.name,
  type: row.type,
  publicConfig: row.publicConfig,
  secretHint: row.secretHint,
  locale: row.locale,
  timeZone: row.timeZone,
  isActive: row.isActive,
});

export async function createChannel(db: Db, context: MutationContext, ring: KeyRing, input: ChannelInput, options: { allowPrivate: boolean; resolve?: Resolver }) {
  if (!input.secret) throw invalid('channelSecretInvalid', 'secret');
  const prepared = await prepare(input, ring, options);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(notificationChannels)
      .values({ name: input.name, type: input.type, locale: input.locale, timeZone: input.timeZone, publicConfig: prepared.publicConfig, secretConfig: prepared.secretConfig!, secretHint: prepared.secretHint, createdBy: context.actor.type === 'user' ? context.actor.id : null })
      .returning();
    await recordAudit(tx, context, { action: 'channel.create', target: { type: 'channel', id: row!.id }, after: publicView(row!) });
    return publicView(row!);
  });
}

/**
 * The secret to store on an update. `secret` null, or only blank fields: keep the stored
 * one. Some fields given (a new signing secret, say) on a channel of the same type: those
 * replace the stored ones and the rest are kept, so an admin never has to be shown a
 * secret to change another. A changed type needs the whole secret.
 */
function mergedSecret(ring: KeyRing, current: typeof notificationChannels.$inferSelect, input: ChannelInput): Record<string, unknown> | null {
  const given = Object.fromEntries(Object.entries(input.secret ?? {}).filter(([, value]) => value !== undefined && value !== null && value !== ''));
  if (Object.keys(given).length === 0) {
    if (current.type !== input.type) throw invalid('channelSecretInvalid', 'secret');
    return null;
  }
  if (current.type !== input.type) return given;
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(open(ring, current.secretConfig)) as Record<string, unknown>;
  } catch {
    // The stored secret cannot be opened (another key): only a complete new one will do.
  }
  return { ...stored, ...given };
}

export async function updateChannel(db: Db, context: MutationContext, ring: KeyRing, id: string, input: ChannelInput, options: { allowPrivate: boolean; resolve?: Resolver }) {
  const [current] = await db.select().from(notificationChannels).where(eq(notificationChannels.id, id));
  if (!current) throw notFound();
  const prepared = await prepare({ ...input, secret: mergedSecret(ring, current, input) }, ring, options);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(notificationChannels).where(eq(notificationChannels.id, id)).for('update');
    if (!before) throw notFound();
    // Changed since the secret was merged: merge again rather than overwrite someone's change.
    if (before.secretConfig !== current.secretConfig || before.type !== current.type) throw invalid('channelChanged');
    const [row] = await tx
      .update(notificationChannels)
      .set({ name: input.name, type: input.type, locale: input.locale, timeZone: input.timeZone, publicConfig: prepared.publicConfig, ...(prepared.secretConfig ? { secretConfig: prepared.secretConfig, secretHint: prepared.secretHint } : {}), updatedAt: new Date() })
      .where(eq(notificationChannels.id, id))
      .returning();
    await recordAudit(tx, context, { action: 'channel.update', target: { type: 'channel', id }, before: { ...publicView(before), credentialsReplaced: false }, after: { ...publicView(row!), credentialsReplaced: Boolean(prepared.secretConfig) } });
    return publicView(row!);
  });
}

/** One channel as the edit form shows it (hint only), or undefined. */
export async function getChannel(db: Db, id: string) {
  const [row] = await db.select().from(notificationChannels).where(eq(notificationChannels.id, id));
  return row ? publicView(row) : undefined;
}

export async function deleteChannel(db: Db, context: MutationContext, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(notificationChannels).where(eq(notificationChannels.id, id)).returning();
    if (!row) throw notFound();
    await recordAudit(tx, context, { action: 'channel.delete', target: { type: 'channel', id }, before: publicView(row) });
  });
}

export async function setChannelActive(db: Db, context: MutationContext, id: string, active: boolean) {
  await db.transaction(async (tx) => {
    const [row] = await tx.update(notificationChannels).set({ isActive: active, updatedAt: new Date() }).where(eq(notificationChannels.id, id)).returning({ id: notificationChannels.id });
    if (!row) throw notFound();
    await recordAudit(tx, context, { action: active ? 'channel.enable' : 'channel.disable', target: { type: 'channel', id } });
  });
}

/** "Send test": a test notification through the outbox like any other, so it shows retries too. */
export async function sendTestNotification(db: Db, context: MutationContext, id: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ id: notificationChannels.id }).from(notificationChannels).where(eq(notificationChannels.id, id));
    if (!row) throw notFound();
    await enqueueNotification(
      tx,
      { kind: 'test', alertId: null, ruleId: null, ruleName: 'Test', severity: 'info', metricType: 'test', endpoint: null, aggregation: 'avg', condition: 'greater_than', value: null, threshold: 0, at: now.toISOString(), firedAt: null, monitor: null },
      [id],
      now,
    );
    await recordAudit(tx, context, { action: 'channel.test', target: { type: 'channel', id } });
  });
}

/** Every channel as the settings page shows it (hints only). */
/** The channels a rule can notify, as a form lists them: no public config, no secret hints. */
export async function listChannelChoices(db: Db) {
  return db
    .select({ id: notificationChannels.id, name: notificationChannels.name, type: notificationChannels.type, isActive: notificationChannels.isActive })
    .from(notificationChannels)
    .orderBy(notificationChannels.name);
}

export async function listChannels(db: Db) {
  const rows = await db.select().from(notificationChannels).orderBy(notificationChannels.name);
  return rows.map(publicView);
}
