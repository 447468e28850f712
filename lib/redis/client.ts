import Redis from 'ioredis';
import { env } from '../config/env';

/**
 * Options for every Redis connection the console opens. A limiter or cache that waits on a
 * dead Redis would turn an outage into latency, so commands fail fast (no offline queue, one
 * retry, a short command timeout) and callers fail open.
 */
export function openRedis(url: string, options: { commandTimeoutMs?: number } = {}): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 250,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  // Errors surface on each command; an 'error' listener keeps ioredis from logging every retry.
  redis.on('error', () => {});
  return redis;
}

const globalKey = Symbol.for('smm.redis');
type GlobalWithRedis = typeof globalThis & { [globalKey]?: Redis };

/** The process's shared connection, or undefined when REDIS_URL is not set. */
export function getRedis(): Redis | undefined {
  const url = env().REDIS_URL;
  if (!url) return undefined;
  const holder = globalThis as GlobalWithRedis;
  holder[globalKey] ??= openRedis(url);
  return holder[globalKey];
}
