/** The shared level of the cache: performance_cache on Postgres, or Redis. Values are JSON. */
export interface L2Entry {
  value: unknown;
  expiresAt: number;
}

export interface L2Store {
  readonly kind: 'postgres' | 'redis';
  get(key: string, nowMs: number): Promise<L2Entry | undefined>;
  set(key: string, value: unknown, ttlSeconds: number, tags: readonly string[], nowMs: number): Promise<void>;
  delete(keys: readonly string[]): Promise<number>;
  deletePrefix(prefix: string): Promise<number>;
  /** Deletes every entry carrying the tag; returns their keys. */
  invalidateTag(tag: string): Promise<string[]>;
  /** Adds batched hit counts (one write per flush, not per hit). */
  addHits(hits: ReadonlyMap<string, number>): Promise<void>;
}
