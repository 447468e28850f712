import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';

/** The Redis the integration tests use (CI starts one on 127.0.0.1:6379; no persistence). */
export const TEST_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** A connection and a prefix of its own, so parallel test files never share keys. */
export function testRedis(): { redis: Redis; prefix: string } {
  return { redis: new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 }), prefix: `smm:test:${randomBytes(6).toString('hex')}:` };
}
