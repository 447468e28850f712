import type Redis from 'ioredis';
import { emissionInterval, type GcraParams, type StoreDecision } from './gcra';
import type { LimiterStore } from './store';

// The GCRA step as one Lua script: Redis runs a script atomically. Numbers travel as strings
// (a Lua number returned to Redis is truncated to an integer).
const SCRIPT = `
local stored = redis.call('GET', KEYS[1])
local now = tonumber(ARGV[1])
local increment = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local tat = now
if stored then tat = math.max(tonumber(stored), now) end
local nextTat = tat + increment
if ARGV[4] == '1' or nextTat - now > window then
  return {0, stored or tostring(now)}
end
redis.call('SET', KEYS[1], tostring(nextTat), 'PX', math.ceil(nextTat - now) + 1000)
return {1, tostring(nextTat)}
`;

type GcraRedis = Redis & { smmGcra(key: string, now: string, increment: string, window: string, refuseAll: string): Promise<[number, string]> };

export class RedisStore implements LimiterStore {
  readonly kind = 'redis' as const;
  private readonly redis: GcraRedis;

  constructor(
    redis: Redis,
    private readonly prefix = 'smm:rl:',
  ) {
    if (!('smmGcra' in redis)) redis.defineCommand('smmGcra', { numberOfKeys: 1, lua: SCRIPT });
    this.redis = redis as GcraRedis;
  }

  async consume(key: string, nowMs: number, params: GcraParams): Promise<StoreDecision> {
    const increment = emissionInterval(params) * (params.cost ?? 1);
    const [allowed, tat] = await this.redis.smmGcra(this.prefix + key, String(nowMs), String(increment), String(params.windowMs), params.limit <= 0 ? '1' : '0');
    return { allowed: allowed === 1, tatMs: Number(tat) };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
