import type { Db } from '../../db/types';
import { rateLimitStoreKind } from '../config/env';
import { getDb } from '../db/database';
import { getRedis } from '../redis/client';
import { DbAdjustments } from './adjustments';
import { RateLimiter } from './limiter';
import { MemoryStore } from './memory-store';
import { PostgresStore } from './postgres-store';
import { RedisStore } from './redis-store';
import type { LimiterStore } from './store';

// One limiter per process, on globalThis: Next bundles each route separately.
const globalKey = Symbol.for('smm.rateLimiter');
type GlobalWithLimiter = typeof globalThis & { [globalKey]?: Promise<RateLimiter> };

async function createStore(loadDb: () => Promise<Db>): Promise<LimiterStore> {
  const kind = rateLimitStoreKind();
  if (kind === 'redis') {
    const redis = getRedis();
    if (redis) return new RedisStore(redis);
  }
  if (kind === 'postgres' || kind === 'redis') return new PostgresStore(await loadDb());
  return new MemoryStore();
}

/** The process's limiter: the store chosen by the environment, overrides and throttling from the database. */
export function getRateLimiter(loadDb: () => Promise<Db> = getDb): Promise<RateLimiter> {
  const holder = globalThis as GlobalWithLimiter;
  holder[globalKey] ??= (async () => new RateLimiter({ store: await createStore(loadDb), adjustments: new DbAdjustments(loadDb) }))().catch((error: unknown) => {
    delete holder[globalKey];
    throw error;
  });
  return holder[globalKey];
}

/** After an admin change on this instance: read overrides and throttle factors afresh. */
export async function invalidateLimiterAdjustments(): Promise<void> {
  const holder = globalThis as GlobalWithLimiter;
  const limiter = await holder[globalKey]?.catch(() => undefined);
  limiter?.invalidateAdjustments();
}
