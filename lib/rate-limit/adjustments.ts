import { gt, isNull, or } from 'drizzle-orm';
import { rateLimitOverrides, throttleState, type RateLimitSubject } from '../../db/schema';
import type { Db } from '../../db/types';

export interface OverrideRule {
  blocked: boolean;
  limit: number | null;
  expiresAt: Date | null;
}

export interface Adjustments {
  override?: OverrideRule;
  /** Dynamic throttling factor of the group (1 = normal). */
  factor: number;
}

/** Reads overrides and throttle factors for every decision; the limiter caches them. */
export interface AdjustmentsSource {
  get(group: string, subjectType: RateLimitSubject, subjectId: string, nowMs: number): Promise<Adjustments>;
  /** The answer without waiting, when it is known now (a fresh snapshot); else undefined. */
  peek?(group: string, subjectType: RateLimitSubject, subjectId: string, nowMs: number): Adjustments | undefined;
  invalidate(): void;
}

const NONE: Adjustments = Object.freeze({ factor: 1 });
export const NO_ADJUSTMENTS: AdjustmentsSource = { get: async () => NONE, peek: () => NONE, invalidate: () => {} };

interface Snapshot {
  loadedAt: number;
  overrides: Map<string, OverrideRule>;
  factors: Map<string, number>;
}

/**
 * Overrides and throttle factors from the database, reloaded at most every `ttlMs` (both tables
 * are small: one row per override and per group). A change made on this instance calls
 * invalidate(); other instances see it within ttlMs. A failed reload keeps the last snapshot.
 */
export class DbAdjustments implements AdjustmentsSource {
  private snapshot: Snapshot | undefined;
  private loading: Promise<Snapshot> | undefined;

  constructor(
    private readonly loadDb: () => Promise<Db>,
    private readonly ttlMs = 10_000,
  ) {}

  invalidate(): void {
    this.snapshot = undefined;
  }

  peek(group: string, subjectType: RateLimitSubject, subjectId: string, nowMs: number): Adjustments | undefined {
    const snapshot = this.snapshot;
    if (!snapshot || nowMs - snapshot.loadedAt >= this.ttlMs) return undefined;
    return this.lookup(snapshot, group, subjectType, subjectId, nowMs);
  }

  async get(group: string, subjectType: RateLimitSubject, subjectId: string, nowMs: number): Promise<Adjustments> {
    return this.lookup(await this.current(nowMs), group, subjectType, subjectId, nowMs);
  }

  private lookup(snapshot: Snapshot, group: string, subjectType: RateLimitSubject, subjectId: string, nowMs: number): Adjustments {
    const override = snapshot.overrides.get(`${subjectType}:${subjectId}:${group}`) ?? snapshot.overrides.get(`${subjectType}:${subjectId}:*`);
    const live = override && (!override.expiresAt || override.expiresAt.getTime() > nowMs) ? override : undefined;
    return { override: live, factor: snapshot.factors.get(group) ?? 1 };
  }

  private async current(nowMs: number): Promise<Snapshot> {
    if (this.snapshot && nowMs - this.snapshot.loadedAt < this.ttlMs) return this.snapshot;
    this.loading ??= this.load(nowMs).finally(() => {
      this.loading = undefined;
    });
    try {
      this.snapshot = await this.loading;
    } catch (error) {
      if (!this.snapshot) throw error;
      // Keep the stale snapshot a little longer rather than querying on every request.
      this.snapshot = { ...this.snapshot, loadedAt: nowMs };
    }
    return this.snapshot;
  }

  private async load(nowMs: number): Promise<Snapshot> {
    const db = await this.loadDb();
    const now = new Date(nowMs);
    const [overrides, throttles] = await Promise.all([
      db
        .select()
        .from(rateLimitOverrides)
        .where(or(isNull(rateLimitOverrides.expiresAt), gt(rateLimitOverrides.expiresAt, now))),
      db.select({ group: throttleState.policyGroup, factor: throttleState.factor }).from(throttleState),
    ]);
    return {
      loadedAt: nowMs,
      overrides: new Map(overrides.map((o) => [`${o.subjectType}:${o.subjectId}:${o.policyGroup}`, { blocked: o.blocked, limit: o.limitOverride, expiresAt: o.expiresAt }])),
      factors: new Map(throttles.map((t) => [t.group, t.factor])),
    };
  }
}
