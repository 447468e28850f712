import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/rows';
import type { DbOrTx } from '../../../db/types';
import { addDays, daysBetween, weekStart, type Day, type DayRange } from '../days';

export interface ActiveDay {
  day: Day;
  dau: number;
  wau: number;
  mau: number;
  /** DAU / MAU; null without monthly users. */
  stickiness: number | null;
}

export interface Cohort {
  week: Day;
  size: number;
  /** Users of the cohort active in week 0, 1, 2, ... after their first week (up to the range end). */
  retained: number[];
}

export interface EngagementReport {
  days: ActiveDay[];
  cohorts: Cohort[];
}

/**
 * DAU/WAU/MAU from the daily rollup, and weekly retention cohorts from analytics_user_days:
 * a user's cohort is the ISO week (Monday, UTC) of their first active day; week k counts the
 * cohort's users active in the k-th week after it.
 */
export async function loadEngagement(db: DbOrTx, range: DayRange): Promise<EngagementReport> {
  const rows = await queryRows<{ day: string; dau: number; wau: number; mau: number }>(
    db,
    sql`select day::text as day, dau, wau, mau from analytics_daily_active where day between ${range.from}::date and ${range.to}::date order by day`,
  );
  const days = rows.map((r) => ({ day: r.day, dau: Number(r.dau), wau: Number(r.wau), mau: Number(r.mau), stickiness: Number(r.mau) > 0 ? Number(r.dau) / Number(r.mau) : null }));

  const firstWeek = weekStart(range.from);
  const lastWeek = weekStart(range.to);
  const cells = await queryRows<{ cohort: string; week: string; users: number | string }>(
    db,
    sql`with first_seen as (
        select user_id, date_trunc('week', min(day))::date as cohort from analytics_user_days group by user_id
      ),
      activity as (
        select distinct user_id, date_trunc('week', day)::date as week from analytics_user_days
        where day between ${firstWeek}::date and ${addDays(lastWeek, 6)}::date
      )
      select f.cohort::text as cohort, a.week::text as week, count(*) as users
      from first_seen f join activity a using (user_id)
      where f.cohort between ${firstWeek}::date and ${lastWeek}::date and a.week >= f.cohort
      group by 1, 2`,
  );
  const cohorts: Cohort[] = [];
  for (let week = firstWeek; week <= lastWeek; week = addDays(week, 7)) {
    const mine = cells.filter((c) => c.cohort === week);
    if (mine.length === 0) continue;
    const span = daysBetween(week, lastWeek) / 7 + 1;
    const retained = Array.from({ length: span }, (_, k) => Number(mine.find((c) => c.week === addDays(week, 7 * k))?.users ?? 0));
    cohorts.push({ week, size: retained[0] ?? 0, retained });
  }
  return { days, cohorts };
}
