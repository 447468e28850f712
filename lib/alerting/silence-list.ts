import { desc, eq } from 'drizzle-orm';
import { alertRules, alertSilences, users } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import type { Silence } from './silences';

export type SilenceState = 'active' | 'expired' | 'cancelled';

export interface SilenceListItem {
  silence: Silence;
  state: SilenceState;
  ruleName: string | null;
  createdByEmail: string | null;
}

/** Where a silence stands at `now`: in force, run out, or expired early by an admin. */
export function silenceState(silence: Pick<Silence, 'endsAt' | 'cancelledAt'>, now: Date): SilenceState {
  if (silence.cancelledAt) return 'cancelled';
  return silence.endsAt.getTime() > now.getTime() ? 'active' : 'expired';
}

/**
 * Silences for the Silences page: active ones first (ending soonest first), then the
 * history (expired or cancelled, most recently ended first), with who set them and the
 * rule they name.
 */
export async function listSilences(db: DbOrTx, now: Date, { historyLimit = 100 }: { historyLimit?: number } = {}): Promise<{ active: SilenceListItem[]; history: SilenceListItem[] }> {
  const rows = await db
    .select({ silence: alertSilences, ruleName: alertRules.ruleName, createdByEmail: users.email })
    .from(alertSilences)
    .leftJoin(alertRules, eq(alertRules.id, alertSilences.ruleId))
    .leftJoin(users, eq(users.id, alertSilences.createdBy))
    .orderBy(desc(alertSilences.endsAt))
    .limit(1000);
  const items = rows.map((r) => ({ ...r, state: silenceState(r.silence, now) }));
  const ended = (item: SilenceListItem) => (item.silence.cancelledAt ?? item.silence.endsAt).getTime();
  return {
    active: items.filter((i) => i.state === 'active').sort((a, b) => a.silence.endsAt.getTime() - b.silence.endsAt.getTime()),
    history: items.filter((i) => i.state !== 'active').sort((a, b) => ended(b) - ended(a)).slice(0, historyLimit),
  };
}

/** The metric types an admin may silence: those the rules use (monitor rules say monitor_status). */
export async function silenceableMetricTypes(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ metricType: alertRules.metricType }).from(alertRules).orderBy(alertRules.metricType);
  return rows.map((r) => r.metricType);
}
