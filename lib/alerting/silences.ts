import { and, gt, isNull, lte } from 'drizzle-orm';
import { alertSilences } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import type { AlertRule } from './types';

export type Silence = typeof alertSilences.$inferSelect;

/** Silences in force at `now` (started, not ended, not cancelled). */
export async function activeSilences(db: DbOrTx, now: Date): Promise<Silence[]> {
  return db
    .select()
    .from(alertSilences)
    .where(and(lte(alertSilences.startsAt, now), gt(alertSilences.endsAt, now), isNull(alertSilences.cancelledAt)));
}

/** A silence matches when every matcher it sets (rule, severity, metric type) matches. */
export function matchingSilence(rule: Pick<AlertRule, 'id' | 'severity' | 'metricType'>, silences: readonly Silence[]): Silence | undefined {
  return silences.find(
    (s) =>
      (s.ruleId === null || s.ruleId === rule.id) &&
      (s.severity === null || s.severity === rule.severity) &&
      (s.metricType === null || s.metricType === rule.metricType),
  );
}

/**
 * Inhibition: while a critical rule of a group is firing, that group's warnings are held
 * (Alertmanager's inhibit_rules with source severity=critical, target severity=warning,
 * equal: [group]).
 */
export function inhibitingGroups(firing: Iterable<Pick<AlertRule, 'severity' | 'ruleGroup'>>): Set<string> {
  const groups = new Set<string>();
  for (const rule of firing) if (rule.severity === 'critical' && rule.ruleGroup) groups.add(rule.ruleGroup);
  return groups;
}
