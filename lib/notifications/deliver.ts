import { and, eq, lte, sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import { alertEvents, notificationAttempts, notificationOutbox } from '../../db/schema';
import type { Db } from '../../db/types';
import type { KeyRing } from '../crypto/secret-box';
import type { Resolver } from '../net/ssrf';
import { loadChannels } from './channels';
import { backoffMs, type SendOutcome } from './outcome';
import { notificationPayloadSchema } from './payload';
import { PROVIDERS } from './providers';
import { renderNotification } from './render';

type OutboxRow = typeof notificationOutbox.$inferSelect;

export interface DeliverOptions {
  ring: KeyRing;
  /** The clock; tests pass a fake one that sleep() advances. */
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  allowPrivate: boolean;
  resolve?: Resolver;
  appUrl: string | null;
  /** Only this channel (an Inngest step per channel). */
  channelId?: string;
  limit?: number;
  leaseMs?: number;
  timeoutMs?: number;
}

export interface DeliverResult {
  claimed: number;
  delivered: number;
  retried: number;
  failed: number;
  [key: string]: number;
}

/** Slack allows about one message per second per webhook; we keep to it across instances. */
export const SLACK_SPACING_MS = 1000;
const DEFAULT_LEASE_MS = 2 * 60 * 1000;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Claims due outbox rows under a lease, so two senders (instances, or Inngest and the
 * in-process runner) never hold the same row, and a crashed sender's rows come back when
 * its lease ends. FOR UPDATE SKIP LOCKED keeps concurrent claims disjoint.
 */
export async function claimDue(db: Db, now: Date, { limit, leaseMs, channelId }: { limit: number; leaseMs: number; channelId?: string }): Promise<OutboxRow[]> {
  const lease = new Date(now.getTime() + leaseMs);
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update notification_outbox set locked_until = ${lease.toISOString()}::timestamptz, attempts = attempts + 1
        where id in (
          select id from notification_outbox
          where status = 'pending' and next_attempt_at <= ${nowSql} and (locked_until is null or locked_until <= ${nowSql})
            ${channelId ? sql`and channel_id = ${channelId}::uuid` : sql``}
          order by next_attempt_at, created_at limit ${limit}
          for update skip locked)
        returning id`,
  );
  if (rows.length === 0) return [];
  return db.select().from(notificationOutbox).where(sql`${notificationOutbox.id} in (${sql.join(rows.map((r) => sql`${r.id}::uuid`), sql`, `)})`);
}

/** Gives up rows past their expiry (24 h of retries), recording why on the alert's timeline. */
async function expireOld(db: Db, now: Date): Promise<number> {
  const expired = await db
    .update(notificationOutbox)
    .set({ status: 'failed', lastError: 'expired: no delivery within 24 h', lockedUntil: null })
    .where(and(eq(notificationOutbox.status, 'pending'), lte(notificationOutbox.expiresAt, now), sql`(${notificationOutbox.lockedUntil} is null or ${notificationOutbox.lockedUntil} <= ${now.toISOString()}::timestamptz)`))
    .returning();
  const events = expired.filter((r) => r.alertId).map((r) => ({ alertId: r.alertId!, at: now, type: 'notification_failed' as const, detail: { channelId: r.channelId, kind: r.kind, attempts: r.attempts, error: 'expired' } }));
  if (events.length) await db.insert(alertEvents).values(events);
  return expired.length;
}

/**
 * Slack spacing shared by every instance: under a per-channel advisory lock, look at the
 * channel's latest attempt; if it is less than a second old, say how long to wait, else
 * write this attempt's row now (before sending) so the next sender sees it.
 */
async function reserveAttempt(db: Db, row: OutboxRow, spacingMs: number, at: Date): Promise<{ waitMs: number } | { attemptId: string }> {
  return db.transaction(async (tx) => {
    if (spacingMs > 0) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`notify:${row.channelId}`}))`);
      const [last] = await queryRows<{ at: string | Date | null }>(
        tx,
        sql`select max(a.attempted_at) as at from notification_attempts a join notification_outbox o on o.id = a.outbox_id
            where o.channel_id = ${row.channelId}::uuid and a.attempted_at > ${new Date(at.getTime() - 60_000).toISOString()}::timestamptz`,
      );
      const lastAt = last?.at ? new Date(last.at).getTime() : null;
      if (lastAt !== null && at.getTime() - lastAt < spacingMs) return { waitMs: spacingMs - (at.getTime() - lastAt) };
    }
    const [attempt] = await tx.insert(notificationAttempts).values({ outboxId: row.id, attemptedAt: at, outcome: 'retry', error: 'sending' }).returning({ id: notificationAttempts.id });
    return { attemptId: attempt!.id };
  });
}

/** Records an attempt's end and moves the row on: delivered, retried later, or failed. */
async function settle(db: Db, row: OutboxRow, attemptId: string, outcome: SendOutcome, started: Date, ended: Date, random: () => number, channelName: string) {
  const durationMs = ended.getTime() - started.getTime();
  await db.transaction(async (tx) => {
    // Only the holder of the lease moves the row: a sender that outlived its lease changes nothing.
    const owned = and(eq(notificationOutbox.id, row.id), row.lockedUntil ? eq(notificationOutbox.lockedUntil, row.lockedUntil) : sql`true`);
    if (outcome.ok) {
      await tx.update(notificationAttempts).set({ outcome: 'delivered', statusCode: outcome.statusCode, durationMs, error: null }).where(eq(notificationAttempts.id, attemptId));
      const moved = await tx.update(notificationOutbox).set({ status: 'delivered', deliveredAt: ended, lockedUntil: null, lastStatusCode: outcome.statusCode, lastError: null }).where(owned).returning({ id: notificationOutbox.id });
      if (moved.length && row.alertId) await tx.insert(alertEvents).values({ alertId: row.alertId, at: ended, type: 'notified', detail: { channelId: row.channelId, channel: channelName, kind: row.kind, attempts: row.attempts } });
      return;
    }
    const retryAt = new Date(ended.getTime() + (outcome.retryAfterMs ?? backoffMs(row.attempts - 1, random)));
    const give = outcome.permanent || retryAt >= row.expiresAt;
    await tx.update(notificationAttempts).set({ outcome: give ? 'failed' : 'retry', statusCode: outcome.statusCode, durationMs, error: outcome.error }).where(eq(notificationAttempts.id, attemptId));
    const moved = await tx
      .update(notificationOutbox)
      .set(give ? { status: 'failed', lockedUntil: null, lastError: outcome.error, lastStatusCode: outcome.statusCode } : { nextAttemptAt: retryAt, lockedUntil: null, lastError: outcome.error, lastStatusCode: outcome.statusCode })
      .where(owned)
      .returning({ id: notificationOutbox.id });
    if (give && moved.length && row.alertId) {
      await tx.insert(alertEvents).values({ alertId: row.alertId, at: ended, type: 'notification_failed', detail: { channelId: row.channelId, channel: channelName, kind: row.kind, attempts: row.attempts, error: outcome.error } });
    }
  });
}

/**
 * One delivery pass: expire, claim, send each claimed row once, record every attempt.
 * Channels are worked concurrently, a channel's rows in order (Slack spaced a second apart).
 */
export async function deliverDue(db: Db, options: DeliverOptions): Promise<DeliverResult> {
  const clock = options.clock ?? (() => new Date());
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const result: DeliverResult = { claimed: 0, delivered: 0, retried: 0, failed: await expireOld(db, clock()) };
  const rows = await claimDue(db, clock(), { limit: options.limit ?? 100, leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS, channelId: options.channelId });
  result.claimed = rows.length;
  if (rows.length === 0) return result;
  const channels = await loadChannels(db, options.ring, [...new Set(rows.map((r) => r.channelId))]);
  const byChannel = new Map<string, OutboxRow[]>();
  for (const row of rows) byChannel.set(row.channelId, [...(byChannel.get(row.channelId) ?? []), row]);

  const work = [...byChannel.entries()].map(async ([channelId, channelRows]) => {
    const channel = channels.get(channelId);
    for (const row of channelRows) {
      const spacing = channel?.row.type === 'slack' ? SLACK_SPACING_MS : 0;
      let reservation = await reserveAttempt(db, row, spacing, clock());
      for (let tries = 0; 'waitMs' in reservation && tries < 10; tries++) {
        await sleep(reservation.waitMs);
        reservation = await reserveAttempt(db, row, spacing, clock());
      }
      if ('waitMs' in reservation) {
        // Another instance keeps the channel busy: hand the row back for the next pass.
        await db.update(notificationOutbox).set({ lockedUntil: null, attempts: sql`${notificationOutbox.attempts} - 1` }).where(eq(notificationOutbox.id, row.id));
        continue;
      }
      const started = clock();
      let outcome: SendOutcome;
      const payload = notificationPayloadSchema.safeParse(row.payload);
      if (!channel || 'error' in channel) outcome = { ok: false, statusCode: null, error: channel && 'error' in channel ? channel.error : 'channel deleted', permanent: true, retryAfterMs: null };
      else if (!channel.row.isActive && row.kind !== 'test') outcome = { ok: false, statusCode: null, error: 'channel disabled', permanent: true, retryAfterMs: null };
      else if (!payload.success) outcome = { ok: false, statusCode: null, error: 'malformed payload', permanent: true, retryAfterMs: null };
      else {
        const provider = PROVIDERS[channel.row.type];
        const message = renderNotification(payload.data, { locale: channel.row.locale, timeZone: channel.row.timeZone, appUrl: options.appUrl, idempotencyKey: row.idempotencyKey });
        try {
          const wire = provider.format(message, payload.data, { public: channel.public });
          outcome = await provider.send(wire, { secret: channel.secret, public: channel.public }, message, {
            allowPrivate: options.allowPrivate,
            resolve: options.resolve,
            now: () => clock().getTime(),
            timeoutMs: options.timeoutMs,
          });
        } catch (error) {
          outcome = { ok: false, statusCode: null, error: `send: ${error instanceof Error ? error.name : 'error'}`, permanent: false, retryAfterMs: null };
        }
      }
      await settle(db, row, reservation.attemptId, outcome, started, clock(), random, channel?.row.name ?? '');
      if (outcome.ok) result.delivered += 1;
      else if (outcome.permanent) result.failed += 1;
      else result.retried += 1;
    }
  });
  await Promise.all(work);
  return result;
}
