import { env } from '../config/env';
import { getDb } from '../db/database';
import { getRedis } from '../redis/client';
import { Cache } from './cache';
import { PostgresInvalidationBus, RedisInvalidationBus, type InvalidationBus } from './invalidation';
import { PostgresL2 } from './postgres-l2';
import { RedisL2 } from './redis-l2';

const globalKey = Symbol.for('smm.cache');
type GlobalWithCache = typeof globalThis & { [globalKey]?: Promise<Cache> };

/**
 * The process's cache: L2 on Redis when REDIS_URL is set, else on performance_cache. Deletes,
 * purges and tag invalidations reach the other instances' L1 over Redis pub/sub, or over
 * Postgres LISTEN/NOTIFY on Postgres; the embedded database serves one instance and needs none.
 */
export function getCache(): Promise<Cache> {
  const holder = globalThis as GlobalWithCache;
  holder[globalKey] ??= (async () => {
    const redis = getRedis();
    const databaseUrl = env().DATABASE_URL;
    const bus: InvalidationBus | undefined = redis ? new RedisInvalidationBus(redis) : databaseUrl ? new PostgresInvalidationBus(databaseUrl) : undefined;
    return new Cache({ l2: redis ? new RedisL2(redis) : new PostgresL2(await getDb()), bus });
  })().catch((error: unknown) => {
    delete holder[globalKey];
    throw error;
  });
  return holder[globalKey];
}
