import { LRUCache } from 'lru-cache';
import { step, type GcraParams, type StoreDecision } from './gcra';
import type { LimiterStore } from './store';

/**
 * One process only. JavaScript runs one callback at a time, so read-step-write on a Map is
 * atomic. Bounded: the least recently used keys go first (a key idle for a window holds
 * nothing anyway, since its TAT is in the past).
 */
export class MemoryStore implements LimiterStore {
  readonly kind = 'memory' as const;
  private readonly tats: LRUCache<string, number>;

  constructor(maxKeys = 100_000) {
    this.tats = new LRUCache<string, number>({ max: maxKeys });
  }

  consumeNow(key: string, nowMs: number, params: GcraParams): StoreDecision {
    const decision = step(this.tats.get(key), nowMs, params);
    if (decision.allowed) this.tats.set(key, decision.tatMs);
    return decision;
  }

  async consume(key: string, nowMs: number, params: GcraParams): Promise<StoreDecision> {
    return this.consumeNow(key, nowMs, params);
  }

  async reset(key: string): Promise<void> {
    this.tats.delete(key);
  }
}
