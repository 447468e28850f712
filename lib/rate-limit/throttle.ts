import { eq } from 'drizzle-orm';
import { throttleState, type ThrottleStateRow } from '../../db/schema';
import type { Db } from '../../db/types';
import { systemActor } from '../audit/context';
import { recordAudit } from '../audit/record';
import { cellOfRow, emptyCell, mergeCell, summarize } from '../health-dashboard/cells';
import { readLatencyRows } from '../health-dashboard/queries';
import { POLICIES, routesOfGroup, THROTTLE, type PolicyGroup } from './policies';

export const THROTTLE_JOB_ID = 'dynamic-throttle';

export interface GroupHealth {
  calls: number;
  errorRate: number;
  p95Ms: number | null;
}

/** Calls, error rate (5xx and thrown) and p95 of a group's routes over the last minutes, from raw metrics. */
export async function readGroupHealth(db: Db, group: PolicyGroup, now: Date): Promise<GroupHealth> {
  const routes = new Set(routesOfGroup(group));
  const to = now.getTime();
  const rows = await readLatencyRows(db, 'raw', to - THROTTLE.windowMinutes * 60_000, to);
  const cell = emptyCell();
  for (const row of rows) if (row.metricType === 'api_response_time' && routes.has(row.endpoint)) mergeCell(cell, cellOfRow(row));
  const summary = summarize(cell);
  return { calls: cell.count, errorRate: cell.count > 0 ? cell.errors / cell.count : 0, p95Ms: cell.count > 0 ? summary.p95 : null };
}

export interface ThrottleChange {
  group: string;
  from: number;
  to: number;
  action: 'tighten' | 'relax';
  reason: string;
}

/**
 * One evaluation of dynamic throttling (the 'dynamic-throttle' job, every minute): a group
 * whose error rate or p95 breaches its policy's level has its limits multiplied by
 * THROTTLE.tightenBy (down to minFactor); after relaxAfterRuns healthy evaluations in a row
 * the factor doubles back towards 1. Each change is audited with the figures that caused it,
 * in the transaction that makes it.
 */
export async function evaluateThrottle(
  db: Db,
  now: Date,
  readHealth: (db: Db, group: PolicyGroup, now: Date) => Promise<GroupHealth> = readGroupHealth,
): Promise<ThrottleChange[]> {
  const changes: ThrottleChange[] = [];
  for (const group of Object.keys(POLICIES) as PolicyGroup[]) {
    const policy = POLICIES[group];
    const health = await readHealth(db, group, now);
    const breached =
      health.calls >= THROTTLE.minCalls && (health.errorRate > policy.throttle.maxErrorRate || (health.p95Ms !== null && health.p95Ms > policy.throttle.maxP95Ms));
    const change = await db.transaction(async (tx) => {
      const [current] = await tx.select().from(throttleState).where(eq(throttleState.policyGroup, group)).for('update').limit(1);
      const factor = current?.factor ?? 1;
      const figures = { errorRate: health.errorRate, p95Ms: health.p95Ms, calls: health.calls };
      let next: Partial<ThrottleStateRow> | undefined;
      let result: ThrottleChange | undefined;
      if (breached) {
        const tightened = Math.max(THROTTLE.minFactor, factor * THROTTLE.tightenBy);
        const reason = health.errorRate > policy.throttle.maxErrorRate ? 'error_rate' : 'p95';
        next = { factor: tightened, healthyRuns: 0, reason, errorRate: health.errorRate, p95Ms: health.p95Ms, changedAt: tightened < factor ? now : (current?.changedAt ?? now) };
        if (tightened < factor) result = { group, from: factor, to: tightened, action: 'tighten', reason };
      } else if (factor < 1) {
        const runs = (current?.healthyRuns ?? 0) + 1;
        if (runs >= THROTTLE.relaxAfterRuns) {
          const relaxed = Math.min(1, factor * 2);
          next = { factor: relaxed, healthyRuns: 0, reason: relaxed < 1 ? 'recovering' : null, errorRate: health.errorRate, p95Ms: health.p95Ms, changedAt: now };
          result = { group, from: factor, to: relaxed, action: 'relax', reason: 'recovered' };
        } else {
          next = { healthyRuns: runs, errorRate: health.errorRate, p95Ms: health.p95Ms };
        }
      }
      if (!next) return undefined;
      await tx
        .insert(throttleState)
        .values({ policyGroup: group, factor: next.factor ?? factor, reason: next.reason ?? null, errorRate: next.errorRate ?? null, p95Ms: next.p95Ms ?? null, healthyRuns: next.healthyRuns ?? 0, changedAt: next.changedAt ?? now })
        .onConflictDoUpdate({ target: throttleState.policyGroup, set: next });
      if (result) {
        await recordAudit(tx, { actor: systemActor(THROTTLE_JOB_ID), request: {} }, {
          action: result.action === 'tighten' ? 'throttle.tighten' : 'throttle.relax',
          target: { type: 'policy_group', id: group },
          before: { factor },
          after: { factor: result.to, reason: result.reason, ...figures },
        });
      }
      return result;
    });
    if (change) changes.push(change);
  }
  return changes;
}

export async function listThrottleState(db: Db): Promise<ThrottleStateRow[]> {
  return db.select().from(throttleState).orderBy(throttleState.policyGroup);
}
