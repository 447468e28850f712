import { LRUCache } from 'lru-cache';
import { eventCounters, type EventCounters } from '../metrics/counters';
import { randomUUID } from 'node:crypto';
import { FrequencySketch } from './frequency-sketch';
import type { InvalidationBus, InvalidationMessage } from './invalidation';
import type { L2Store } from './l2';

export interface CacheSetOptions {
  ttlSeconds: number;
  tags?: readonly string[];
}

export interface PrefixStats {
  prefix: string;
  hits: number;
  l2Hits: number;
  misses: number;
  evictions: number;
  sets: number;
}

export interface CacheOptions {
  /** Entries held in process (L1). */
  maxEntries?: number;
  /** With an L2, L1 keeps an entry at most this long: other instances may have invalidated it. */
  l1MaxTtlSeconds?: number;
  l2?: L2Store;
  now?: () => number;
  counters?: EventCounters;
  /** Batched hit counts go to L2 every this many ms (and on flushHits()). */
  hitFlushMs?: number;
  logger?: Pick<Console, 'warn'>;
  /**
   * What may enter a full L1. 'tinylfu' (default): a new key evicts the least recently used
   * entry only if it was asked for more often recently (frequency sketch); otherwise the new
   * value is served (and kept in L2) but not held in L1. 'lru': every new key evicts.
   */
  admission?: 'tinylfu' | 'lru';
  /**
   * Tells the other instances sharing the L2 which keys this one deleted, purged or
   * invalidated, and drops from this L1 what they report (Postgres NOTIFY or Redis pub/sub).
   * The bus belongs to the caller, who closes it.
   */
  bus?: InvalidationBus;
}

interface L1Entry {
  value: unknown;
  tags: readonly string[];
  expiresAt: number;
}

/** The statistics prefix of a key: up to its first ':' ("health:24h" -> "health"). */
export function keyPrefix(key: string): string {
  const at = key.indexOf(':');
  return at > 0 ? key.slice(0, at) : key;
}

/**
 * Two-level cache: L1 an in-process LRU with TTL (lru-cache), L2 shared (performance_cache or
 * Redis). `wrap` is get-or-compute with single-flight: concurrent callers of a missing key
 * share one computation. L2 failures degrade to misses (counted, logged once a minute), never
 * to errors. Hits are counted in memory and written to L2 in batches.
 */
export class Cache {
  private readonly l1: LRUCache<string, L1Entry>;
  private readonly l2?: L2Store;
  private readonly now: () => number;
  private readonly counters: EventCounters;
  private readonly l1MaxTtlMs: number;
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly tagIndex = new Map<string, Set<string>>();
  private readonly stats = new Map<string, PrefixStats>();
  private pendingHits = new Map<string, number>();
  private hitTimer: ReturnType<typeof setInterval> | undefined;
  private readonly hitFlushMs: number;
  private readonly logger: Pick<Console, 'warn'>;
  private lastFaultLog = 0;
  private readonly sketch?: FrequencySketch;
  private readonly bus?: InvalidationBus;
  /** This instance's name on the bus: its own messages come back and are ignored. */
  readonly instanceId = randomUUID();
  private readonly listening: Promise<void>;

  constructor(options: CacheOptions = {}) {
    this.l2 = options.l2;
    this.now = options.now ?? Date.now;
    this.counters = options.counters ?? eventCounters();
    this.l1MaxTtlMs = (options.l1MaxTtlSeconds ?? (options.l2 ? 30 : Number.POSITIVE_INFINITY)) * 1000;
    this.hitFlushMs = options.hitFlushMs ?? 10_000;
    this.logger = options.logger ?? console;
    const maxEntries = options.maxEntries ?? 5_000;
    // 4x wider than the capacity and halved every 40x capacity reads: on the Zipf(1) bench this
    // is as good as exact counts; the sketch costs 16 bytes per L1 entry.
    if ((options.admission ?? 'tinylfu') === 'tinylfu') this.sketch = new FrequencySketch({ capacity: 4 * maxEntries, sampleSize: 40 * maxEntries });
    this.l1 = new LRUCache<string, L1Entry>({
      max: maxEntries,
      dispose: (entry, key, reason) => {
        for (const tag of entry.tags) this.tagIndex.get(tag)?.delete(key);
        if (reason === 'evict') this.count(key, 'evictions');
      },
    });
    this.bus = options.bus;
    this.listening = this.bus
      ? this.bus.subscribe((message) => this.applyRemote(message)).catch((error: unknown) => this.fault('subscribe', error))
      : Promise.resolve();
  }

  /** Resolves once this instance receives the other instances' invalidations (at once without a bus). */
  whenListening(): Promise<void> {
    return this.listening;
  }

  get l2Kind(): string {
    return this.l2?.kind ?? 'none';
  }

  get size(): number {
    return this.l1.size;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const now = this.now();
    this.sketch?.record(key);
    const local = this.l1.get(key);
    if (local && local.expiresAt > now) {
      this.count(key, 'hits');
      this.hit(key);
      return local.value as T;
    }
    if (local) this.l1.delete(key);
    if (this.l2) {
      try {
        const shared = await this.l2.get(key, now);
        if (shared) {
          this.count(key, 'l2Hits');
          this.hit(key);
          this.putL1(key, shared.value, shared.expiresAt, []);
          return shared.value as T;
        }
      } catch (error) {
        this.fault('get', error);
      }
    }
    this.count(key, 'misses');
    return undefined;
  }

  async set<T>(key: string, value: T, options: CacheSetOptions): Promise<void> {
    // A set is an access too (wrap's set follows a get that counted already).
    this.sketch?.record(key);
    return this.store(key, value, options);
  }

  private async store<T>(key: string, value: T, options: CacheSetOptions): Promise<void> {
    const now = this.now();
    const tags = options.tags ?? [];
    this.count(key, 'sets');
    this.putL1(key, value, now + options.ttlSeconds * 1000, tags);
    if (this.l2) {
      try {
        await this.l2.set(key, value, options.ttlSeconds, tags, now);
      } catch (error) {
        this.fault('set', error);
      }
    }
  }

  /** Get or compute; one computation per key at a time in this process. */
  async wrap<T>(key: string, compute: () => Promise<T>, options: CacheSetOptions): Promise<T> {
    const running = this.inflight.get(key);
    if (running) return running as Promise<T>;
    const flight = (async () => {
      const found = await this.get<T>(key);
      if (found !== undefined) return found;
      const value = await compute();
      await this.store(key, value, options);
      return value;
    })().finally(() => this.inflight.delete(key));
    this.inflight.set(key, flight);
    return flight;
  }

  async delete(key: string): Promise<number> {
    const local = this.l1.delete(key) ? 1 : 0;
    const removed = Math.max(local, this.l2 ? await this.l2.delete([key]) : 0);
    await this.publish({ origin: this.instanceId, kind: 'key', value: key });
    return removed;
  }

  async deletePrefix(prefix: string): Promise<number> {
    const local = this.dropPrefix(prefix);
    const removed = Math.max(local, this.l2 ? await this.l2.deletePrefix(prefix) : 0);
    await this.publish({ origin: this.instanceId, kind: 'prefix', value: prefix });
    return removed;
  }

  async invalidateTag(tag: string): Promise<number> {
    const keys = new Set(this.tagIndex.get(tag) ?? []);
    for (const key of keys) this.l1.delete(key);
    this.tagIndex.delete(tag);
    if (this.l2) for (const key of await this.l2.invalidateTag(tag)) keys.add(key);
    for (const key of keys) this.l1.delete(key);
    await this.publish({ origin: this.instanceId, kind: 'tag', value: tag, keys: [...keys] });
    return keys.size;
  }

  /** Another instance removed these entries from the shared level: drop the L1 copies. */
  private applyRemote(message: InvalidationMessage): void {
    if (message.origin === this.instanceId) return;
    if (message.kind === 'key') this.l1.delete(message.value);
    else if (message.kind === 'prefix') this.dropPrefix(message.value);
    else if (message.kind === 'tag') {
      for (const key of this.tagIndex.get(message.value) ?? []) this.l1.delete(key);
      this.tagIndex.delete(message.value);
    }
    for (const key of message.keys ?? []) this.l1.delete(key);
  }

  private dropPrefix(prefix: string): number {
    let dropped = 0;
    for (const key of [...this.l1.keys()]) if (key.startsWith(prefix) && this.l1.delete(key)) dropped++;
    return dropped;
  }

  private async publish(message: InvalidationMessage): Promise<void> {
    if (!this.bus) return;
    try {
      await this.bus.publish(message);
    } catch (error) {
      // The other instances keep their copies until their L1 TTL: stale for seconds, not wrong for long.
      this.fault('publish', error);
    }
  }

  /** Statistics of this process per key prefix (the CacheManager adds up all instances from metrics). */
  prefixStats(): PrefixStats[] {
    return [...this.stats.values()].map((s) => ({ ...s }));
  }

  /** Writes the batched hit counts to L2 now. */
  async flushHits(): Promise<void> {
    if (!this.l2 || this.pendingHits.size === 0) return;
    const batch = this.pendingHits;
    this.pendingHits = new Map();
    try {
      await this.l2.addHits(batch);
    } catch (error) {
      this.fault('hits', error);
    }
  }

  close(): void {
    if (this.hitTimer) clearInterval(this.hitTimer);
    this.hitTimer = undefined;
  }

  private putL1(key: string, value: unknown, expiresAt: number, tags: readonly string[]): void {
    const ttl = Math.min(expiresAt - this.now(), this.l1MaxTtlMs);
    if (ttl <= 0) return;
    if (!this.admit(key)) {
      // Not held in L1: counted with the evictions, as an entry L1 could not keep.
      this.count(key, 'evictions');
      return;
    }
    this.l1.set(key, { value, tags, expiresAt: this.now() + ttl });
    for (const tag of tags) {
      let keys = this.tagIndex.get(tag);
      if (!keys) this.tagIndex.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  /** TinyLFU admission: may `key` take the place of L1's least recently used entry? */
  private admit(key: string): boolean {
    if (!this.sketch || this.l1.size < this.l1.max || this.l1.has(key)) return true;
    const victim = this.l1.rkeys().next();
    if (victim.done) return true;
    const entry = this.l1.peek(victim.value);
    if (!entry || entry.expiresAt <= this.now()) return true;
    return this.sketch.estimate(key) > this.sketch.estimate(victim.value);
  }

  private hit(key: string): void {
    if (!this.l2) return;
    this.pendingHits.set(key, (this.pendingHits.get(key) ?? 0) + 1);
    if (!this.hitTimer) {
      this.hitTimer = setInterval(() => void this.flushHits(), this.hitFlushMs);
      this.hitTimer.unref();
    }
  }

  private count(key: string, field: 'hits' | 'l2Hits' | 'misses' | 'evictions' | 'sets'): void {
    const prefix = keyPrefix(key);
    let stats = this.stats.get(prefix);
    if (!stats) this.stats.set(prefix, (stats = { prefix, hits: 0, l2Hits: 0, misses: 0, evictions: 0, sets: 0 }));
    stats[field]++;
    if (field !== 'sets') this.counters.add(`cache_${field === 'l2Hits' ? 'l2_hit' : field === 'hits' ? 'hit' : field === 'misses' ? 'miss' : 'eviction'}`, prefix);
  }

  private fault(operation: string, error: unknown): void {
    const onBus = operation === 'publish' || operation === 'subscribe';
    const store = onBus ? `${this.bus?.kind ?? 'none'}-bus` : this.l2Kind;
    this.counters.add('cache_fault', store, 1, { operation });
    const now = Date.now();
    if (now - this.lastFaultLog >= 60_000) {
      this.lastFaultLog = now;
      this.logger.warn(`[cache] ${onBus ? `invalidation bus (${store})` : `L2 (${store})`} ${operation} failed; serving without it: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
