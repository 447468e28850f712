import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/rows';
import type { DbOrTx } from '../../../db/types';
import type { DayRange } from '../days';

export interface PluginSummary {
  pluginId: string;
  installs: number;
  uninstalls: number;
  /** Installs minus uninstalls of all time up to the end of the range. */
  activeInstalls: number;
  uses: number;
  /** Distinct users per day, summed: user-days of use in the range. */
  userDays: number;
  /** Share of all installs up to the range end that are still installed. */
  retention: number | null;
}

/** Plugins by installs in the range, with active installs and retention of all time. */
export async function loadPlugins(db: DbOrTx, range: DayRange): Promise<PluginSummary[]> {
  const rows = await queryRows<{ plugin_id: string; installs: number | string; uninstalls: number | string; uses: number | string; users: number | string; all_installs: number | string; all_uninstalls: number | string }>(
    db,
    sql`select plugin_id,
        coalesce(sum(installs) filter (where day >= ${range.from}::date), 0) as installs,
        coalesce(sum(uninstalls) filter (where day >= ${range.from}::date), 0) as uninstalls,
        coalesce(sum(uses) filter (where day >= ${range.from}::date), 0) as uses,
        coalesce(sum(users) filter (where day >= ${range.from}::date), 0) as users,
        sum(installs) as all_installs, sum(uninstalls) as all_uninstalls
      from analytics_daily_plugins where day <= ${range.to}::date
      group by plugin_id`,
  );
  return rows
    .map((r) => {
      const all = Number(r.all_installs);
      const active = Math.max(0, all - Number(r.all_uninstalls));
      return {
        pluginId: r.plugin_id,
        installs: Number(r.installs),
        uninstalls: Number(r.uninstalls),
        activeInstalls: active,
        uses: Number(r.uses),
        userDays: Number(r.users),
        retention: all > 0 ? active / all : null,
      };
    })
    .sort((a, b) => b.installs - a.installs || b.activeInstalls - a.activeInstalls || a.pluginId.localeCompare(b.pluginId));
}
