import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { Db } from '../../db/types';
import type { L2Entry, L2Store } from './l2';

function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** L2 in performance_cache (+ cache_tags); the housekeeping job deletes expired rows. */
export class PostgresL2 implements L2Store {
  readonly kind = 'postgres' as const;

  constructor(private readonly db: Db) {}

  async get(key: string, nowMs: number): Promise<L2Entry | undefined> {
    const rows = await queryRows<{ cache_value: unknown; expires_at: Date | string }>(
      this.db,
      sql`select cache_value, expires_at from performance_cache where cache_key = ${key} and expires_at > ${new Date(nowMs).toISOString()}::timestamptz`,
    );
    const row = rows[0];
    return row ? { value: row.cache_value, expiresAt: new Date(row.expires_at).getTime() } : undefined;
  }

  async set(key: string, value: unknown, ttlSeconds: number, tags: readonly string[], nowMs: number): Promise<void> {
    const now = new Date(nowMs).toISOString();
    const expires = new Date(nowMs + ttlSeconds * 1000).toISOString();
    const json = JSON.stringify(value ?? null);
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`insert into performance_cache (cache_key, cache_value, ttl_seconds, created_at, expires_at)
        values (${key}, ${json}::jsonb, ${ttlSeconds}, ${now}::timestamptz, ${expires}::timestamptz)
        on conflict (cache_key) do update set cache_value = excluded.cache_value, ttl_seconds = excluded.ttl_seconds,
          created_at = excluded.created_at, expires_at = excluded.expires_at`);
      if (tags.length > 0) {
        const rows = sql.join(
          tags.map((tag) => sql`(${tag}, ${key})`),
          sql`, `,
        );
        await tx.execute(sql`insert into cache_tags (tag, cache_key) values ${rows} on conflict do nothing`);
      }
    });
  }

  async delete(keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const list = sql.join(
      keys.map((key) => sql`${key}`),
      sql`, `,
    );
    const rows = await queryRows<{ cache_key: string }>(this.db, sql`delete from performance_cache where cache_key in (${list}) returning cache_key`);
    await this.db.execute(sql`delete from cache_tags where cache_key in (${list})`);
    return rows.length;
  }

  async deletePrefix(prefix: string): Promise<number> {
    const pattern = likePrefix(prefix);
    const rows = await queryRows<{ cache_key: string }>(this.db, sql`delete from performance_cache where cache_key like ${pattern} returning cache_key`);
    await this.db.execute(sql`delete from cache_tags where cache_key like ${pattern}`);
    return rows.length;
  }

  async invalidateTag(tag: string): Promise<string[]> {
    const rows = await queryRows<{ cache_key: string }>(this.db, sql`delete from cache_tags where tag = ${tag} returning cache_key`);
    const keys = rows.map((r) => r.cache_key);
    if (keys.length > 0) await this.delete(keys);
    return keys;
  }

  async addHits(hits: ReadonlyMap<string, number>): Promise<void> {
    if (hits.size === 0) return;
    const values = sql.join(
      [...hits].map(([key, n]) => sql`(${key}, ${n}::int)`),
      sql`, `,
    );
    await this.db.execute(sql`update performance_cache p set hit_count = p.hit_count + v.n from (values ${values}) as v(k, n) where p.cache_key = v.k`);
  }
}
