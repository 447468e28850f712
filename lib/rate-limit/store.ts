import type { GcraParams, StoreDecision } from './gcra';

export type StoreKind = 'memory' | 'postgres' | 'redis';

/** Where limiter state lives. `consume` must decide atomically: one step per call, no lost update. */
export interface LimiterStore {
  readonly kind: StoreKind;
  consume(key: string, nowMs: number, params: GcraParams): Promise<StoreDecision>;
  /** The same decision without a promise, for a store that answers in process (memory). */
  consumeNow?(key: string, nowMs: number, params: GcraParams): StoreDecision;
  /** Forgets a key (tests, and an admin clearing a block). */
  reset(key: string): Promise<void>;
}
