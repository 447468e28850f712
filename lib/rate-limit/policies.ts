import type { RateLimitSubject } from '../../db/schema';

/**
 * Every rate-limit policy, in one place. A route belongs to one group; the limit counts per
 * identity (the API key of a machine client, the signed-in user, or the client IP when
 * anonymous). Admin overrides and dynamic throttling adjust `limit` per identity / group.
 */
export interface RateLimitPolicy {
  group: string;
  identity: RateLimitSubject;
  /** Requests per window (sliding, GCRA). */
  limit: number;
  windowSeconds: number;
  /** Dynamic throttling: tighten when the group's error rate or p95 breaches these levels. */
  throttle: { maxErrorRate: number; maxP95Ms: number };
}

export const POLICIES = {
  ingest: { group: 'ingest', identity: 'api_key', limit: 600, windowSeconds: 60, throttle: { maxErrorRate: 0.05, maxP95Ms: 2_000 } },
  api: { group: 'api', identity: 'api_key', limit: 300, windowSeconds: 60, throttle: { maxErrorRate: 0.05, maxP95Ms: 2_000 } },
  public: { group: 'public', identity: 'ip', limit: 120, windowSeconds: 60, throttle: { maxErrorRate: 0.2, maxP95Ms: 1_000 } },
} as const satisfies Record<string, RateLimitPolicy>;

export type PolicyGroup = keyof typeof POLICIES;
export const POLICY_GROUPS = Object.keys(POLICIES) as PolicyGroup[];

/** Route names (instrumentRoute names, "METHOD /pattern") to their group. */
const ROUTE_GROUPS: Record<string, PolicyGroup> = {
  'POST /api/v1/metrics': 'ingest',
  'GET /api/health/ready': 'public',
};

export function policyForRoute(routeName: string): RateLimitPolicy {
  const group = ROUTE_GROUPS[routeName] ?? (routeName.includes(' /api/v1/') ? 'api' : 'public');
  return POLICIES[group];
}

/** The routes of a group (for throttling, which reads their error rate and p95). */
export function routesOfGroup(group: string): string[] {
  return Object.entries(ROUTE_GROUPS)
    .filter(([, g]) => g === group)
    .map(([route]) => route);
}

/** Thresholds of dynamic throttling. */
export const THROTTLE = {
  /** Each breach multiplies the factor by this, down to minFactor. */
  tightenBy: 0.5,
  minFactor: 0.125,
  /** Healthy evaluations in a row before the factor doubles back towards 1. */
  relaxAfterRuns: 3,
  /** Evaluation window and the least traffic that says anything. */
  windowMinutes: 5,
  minCalls: 20,
} as const;

/** Default monthly quota of an API key (requests on /api/v1/*) when it has none of its own. */
export const DEFAULT_MONTHLY_QUOTA = 1_000_000;
export const QUOTA_WARNING_RATIO = 0.8;
