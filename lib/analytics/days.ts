/** UTC calendar days as 'YYYY-MM-DD' strings: the unit of every analytics rollup. */
export type Day = string;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const isDay = (value: string): value is Day => DAY_PATTERN.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
export const dayOf = (time: Date): Day => time.toISOString().slice(0, 10);
export const dayStart = (day: Day): Date => new Date(`${day}T00:00:00.000Z`);
export const addDays = (day: Day, days: number): Day => dayOf(new Date(dayStart(day).getTime() + days * DAY_MS));
export const daysBetween = (from: Day, to: Day): number => Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / DAY_MS);

export function eachDay(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** Monday of the ISO week holding `day`. */
export function weekStart(day: Day): Day {
  const weekday = (dayStart(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export interface DayRange {
  from: Day;
  to: Day;
}
