import { asc, eq } from 'drizzle-orm';
import { alertRules, alertRuleStates, monitors, userRoles, users } from '../../db/schema';
import type { DbOrTx } from '../../db/types';

/**
 * The rules list: each rule with its last evaluated state (null: never evaluated), the
 * monitor it watches and who created it.
 */
export async function listRuleOverview(db: DbOrTx) {
  return db
    .select({
      rule: alertRules,
      state: alertRuleStates.state,
      lastValue: alertRuleStates.lastValue,
      lastEvaluatedAt: alertRuleStates.lastEvaluatedAt,
      monitorName: monitors.name,
      createdByEmail: users.email,
    })
    .from(alertRules)
    .leftJoin(alertRuleStates, eq(alertRuleStates.ruleId, alertRules.id))
    .leftJoin(monitors, eq(monitors.id, alertRules.monitorId))
    .leftJoin(userRoles, eq(userRoles.id, alertRules.createdBy))
    .leftJoin(users, eq(users.id, userRoles.userId))
    .orderBy(asc(alertRules.ruleName), asc(alertRules.createdAt));
}

export async function getRule(db: DbOrTx, id: string) {
  const [rule] = await db.select().from(alertRules).where(eq(alertRules.id, id));
  return rule;
}

/** Monitors a status rule can watch, by name. */
export async function listMonitorChoices(db: DbOrTx) {
  return db.select({ id: monitors.id, name: monitors.name }).from(monitors).orderBy(asc(monitors.name));
}
