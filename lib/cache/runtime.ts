import { getDb } from '../db/database';
import { getRedis } from '../redis/client';
import { Cache } from './cache';
import { PostgresL2 } from './postgres-l2';
import { RedisL2 } from './redis-l2';

const globalKey = Symbol.for('smm.cache');
type GlobalWithCache = typeof globalThis & { [globalKey]?: Promise<Cache> };

/** The process's cache: L2 on Redis when REDIS_URL is set, else on performance_cache. */
export function getCache(): Promise<Cache> {
  const holder = globalThis as GlobalWithCache;
  holder[globalKey] ??= (async () => {
    const redis = getRedis();
    return new Cache({ l2: redis ? new RedisL2(redis) : new PostgresL2(await getDb()) });
  })().catch((error: unknown) => {
    delete holder[globalKey];
    throw error;
  });
  return holder[globalKey];
}
