// What e2e/support/seed-cache.ts writes before `next start`, and what e2e/cache.spec.ts expects
// the CacheManager to show. Day-long TTLs: nothing expires during a run on a slow machine.
export const CACHE_TTL_SECONDS = 86_400;

/** Shared (L2) entries: key, hit count, tags. */
export const CACHE_ENTRIES = [
  { key: 'e2e-report:monthly', hits: 9_100, tags: ['e2e-reports'] },
  { key: 'e2e-report:weekly', hits: 9_050, tags: ['e2e-reports'] },
  { key: 'e2e-ai:gpt:one', hits: 9_020, tags: ['e2e-ai'] },
  { key: 'e2e-ai:gpt:two', hits: 9_010, tags: ['e2e-ai'] },
  { key: 'e2e-single:only', hits: 9_005, tags: [] },
] as const;

/** Cache activity metric points per key prefix, recorded three hours before the seeding. */
export const CACHE_ACTIVITY = [
  { prefix: 'e2e-report', hits: 300, l2Hits: 60, misses: 40, evictions: 7 },
  { prefix: 'e2e-ai', hits: 50, l2Hits: 0, misses: 50, evictions: 0 },
] as const;
