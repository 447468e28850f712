import { z } from 'zod';
import type { Db } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import type { Cache } from './cache';

export const purgeInput = z.object({
  kind: z.enum(['key', 'prefix', 'tag'], { message: 'required' }),
  value: z.string({ message: 'required' }).trim().min(1, 'required').max(500, 'cachePurgeTooLong'),
});

export type PurgeInput = z.infer<typeof purgeInput>;

/**
 * Purges one key, every key under a prefix, or every key carrying a tag, from L1 (this
 * process) and L2 (shared), and audits it as 'cache.purge' with the count. The purge touches
 * the cache store (Redis or the cache table), not a business row, so the audit entry is
 * written right after it succeeds. Other instances drop their L1 copies when the purge reaches
 * them over the invalidation bus (Postgres NOTIFY or Redis pub/sub, lib/cache/invalidation.ts).
 */
export async function purgeCache(db: Db, cache: Cache, input: PurgeInput, context: MutationContext): Promise<number> {
  const removed = input.kind === 'key' ? await cache.delete(input.value) : input.kind === 'prefix' ? await cache.deletePrefix(input.value) : await cache.invalidateTag(input.value);
  await recordAudit(db, context, { action: 'cache.purge', target: { type: `cache_${input.kind}`, id: input.value }, after: { kind: input.kind, value: input.value, removed } });
  return removed;
}
