import type Redis from 'ioredis';
import postgres from 'postgres';

/**
 * Cross-instance L1 invalidation. When one instance deletes a key, purges a prefix or
 * invalidates a tag, it publishes what it removed; every other instance drops the same
 * entries from its in-process L1. Postgres LISTEN/NOTIFY when the console runs on Postgres,
 * Redis pub/sub when REDIS_URL is set; the embedded single instance needs none.
 *
 * Delivery is best effort (a message sent while an instance is reconnecting is lost), so the
 * L1 copy of a shared entry still lives at most l1MaxTtlSeconds as a backstop.
 */
export interface InvalidationMessage {
  /** The publishing cache instance: it ignores its own messages. */
  origin: string;
  kind: 'key' | 'prefix' | 'tag' | 'keys';
  /** The key, prefix or tag ('' for 'keys'). */
  value: string;
  /** Keys that carried the tag (L1 copies taken from L2 do not know their tags). */
  keys?: string[];
}

export interface InvalidationBus {
  readonly kind: 'postgres' | 'redis';
  publish(message: InvalidationMessage): Promise<void>;
  /** Resolves once messages are being received. */
  subscribe(onMessage: (message: InvalidationMessage) => void): Promise<void>;
  close(): Promise<void>;
}

export const INVALIDATION_CHANNEL = 'smm_cache_invalidate';

/** NOTIFY payloads must stay under 8,000 bytes: long key lists go out in several messages. */
const MAX_PAYLOAD = 7_000;

/** The payloads of one message, split so that each stays under MAX_PAYLOAD bytes. */
export function encodeInvalidation(message: InvalidationMessage): string[] {
  const whole = JSON.stringify(message);
  if (Buffer.byteLength(whole) <= MAX_PAYLOAD || !message.keys?.length) return [whole];
  const payloads = [JSON.stringify({ ...message, keys: [] })];
  let batch: string[] = [];
  let size = 0;
  const flush = () => {
    if (batch.length > 0) payloads.push(JSON.stringify({ origin: message.origin, kind: 'keys', value: '', keys: batch } satisfies InvalidationMessage));
    batch = [];
    size = 0;
  };
  for (const key of message.keys) {
    const bytes = Buffer.byteLength(JSON.stringify(key)) + 1;
    if (size + bytes > MAX_PAYLOAD - 100) flush();
    batch.push(key);
    size += bytes;
  }
  flush();
  return payloads;
}

export function decodeInvalidation(payload: string): InvalidationMessage | undefined {
  try {
    const parsed = JSON.parse(payload) as Partial<InvalidationMessage>;
    if (typeof parsed.origin !== 'string' || typeof parsed.value !== 'string' || !['key', 'prefix', 'tag', 'keys'].includes(parsed.kind ?? '')) return undefined;
    const keys = Array.isArray(parsed.keys) ? parsed.keys.filter((key): key is string => typeof key === 'string') : undefined;
    return { origin: parsed.origin, kind: parsed.kind as InvalidationMessage['kind'], value: parsed.value, ...(keys ? { keys } : {}) };
  } catch {
    return undefined;
  }
}

/** LISTEN/NOTIFY on a connection of its own (postgres.js keeps one for LISTEN and re-listens after a reconnect). */
export class PostgresInvalidationBus implements InvalidationBus {
  readonly kind = 'postgres' as const;
  private readonly client: postgres.Sql;
  private unlisten?: () => Promise<void>;

  constructor(
    url: string,
    private readonly channel = INVALIDATION_CHANNEL,
  ) {
    this.client = postgres(url, { max: 1, idle_timeout: 60, connect_timeout: 5, onnotice: () => {} });
  }

  async publish(message: InvalidationMessage): Promise<void> {
    for (const payload of encodeInvalidation(message)) await this.client.notify(this.channel, payload);
  }

  async subscribe(onMessage: (message: InvalidationMessage) => void): Promise<void> {
    const listening = await this.client.listen(this.channel, (payload) => {
      const message = decodeInvalidation(payload);
      if (message) onMessage(message);
    });
    this.unlisten = () => listening.unlisten();
  }

  async close(): Promise<void> {
    await this.unlisten?.().catch(() => {});
    await this.client.end({ timeout: 2 });
  }
}

/**
 * Redis pub/sub: publishes on the shared connection, listens on a connection of its own (a
 * subscribed connection can do nothing else; ioredis subscribes again after a reconnect).
 */
export class RedisInvalidationBus implements InvalidationBus {
  readonly kind = 'redis' as const;
  private readonly subscriber: Redis;

  constructor(
    private readonly redis: Redis,
    private readonly channel = `${INVALIDATION_CHANNEL}`,
  ) {
    // The shared connection fails fast without an offline queue; the subscriber may wait for its connection.
    this.subscriber = redis.duplicate({ enableOfflineQueue: true, commandTimeout: undefined });
    this.subscriber.on('error', () => {});
  }

  async publish(message: InvalidationMessage): Promise<void> {
    for (const payload of encodeInvalidation(message)) await this.redis.publish(this.channel, payload);
  }

  async subscribe(onMessage: (message: InvalidationMessage) => void): Promise<void> {
    this.subscriber.on('message', (channel: string, payload: string) => {
      if (channel !== this.channel) return;
      const message = decodeInvalidation(payload);
      if (message) onMessage(message);
    });
    await this.subscriber.subscribe(this.channel);
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
  }
}
