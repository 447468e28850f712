import type Redis from 'ioredis';
import type { L2Entry, L2Store } from './l2';

/**
 * L2 in Redis: each entry a string with PX expiry, each tag a set of keys, hit counts in one
 * hash (HINCRBY in a pipeline per flush). Prefix purges walk SCAN, never KEYS.
 */
export class RedisL2 implements L2Store {
  readonly kind = 'redis' as const;

  constructor(
    private readonly redis: Redis,
    private readonly ns = 'smm:cache:',
  ) {}

  private k(key: string): string {
    return `${this.ns}v:${key}`;
  }

  private t(tag: string): string {
    return `${this.ns}t:${tag}`;
  }

  async get(key: string, nowMs: number): Promise<L2Entry | undefined> {
    const raw = await this.redis.get(this.k(key));
    if (raw === null) return undefined;
    const entry = JSON.parse(raw) as L2Entry;
    return entry.expiresAt > nowMs ? entry : undefined;
  }

  async set(key: string, value: unknown, ttlSeconds: number, tags: readonly string[], nowMs: number): Promise<void> {
    const entry: L2Entry = { value: value ?? null, expiresAt: nowMs + ttlSeconds * 1000 };
    const pipeline = this.redis.multi().set(this.k(key), JSON.stringify(entry), 'PX', ttlSeconds * 1000);
    for (const tag of tags) pipeline.sadd(this.t(tag), key).pexpire(this.t(tag), ttlSeconds * 1000 * 2);
    await pipeline.exec();
  }

  async delete(keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const deleted = await this.redis.del(...keys.map((key) => this.k(key)));
    await this.redis.hdel(`${this.ns}hits`, ...keys);
    return deleted;
  }

  async deletePrefix(prefix: string): Promise<number> {
    let cursor = '0';
    let deleted = 0;
    const pattern = `${this.k(prefix).replace(/[*?[\]\\]/g, (c) => `\\${c}`)}*`;
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (found.length > 0) deleted += await this.redis.del(...found);
    } while (cursor !== '0');
    return deleted;
  }

  async invalidateTag(tag: string): Promise<string[]> {
    const keys = await this.redis.smembers(this.t(tag));
    await this.redis.del(this.t(tag));
    await this.delete(keys);
    return keys;
  }

  async addHits(hits: ReadonlyMap<string, number>): Promise<void> {
    if (hits.size === 0) return;
    const pipeline = this.redis.pipeline();
    for (const [key, n] of hits) pipeline.hincrby(`${this.ns}hits`, key, n);
    await pipeline.exec();
  }
}
