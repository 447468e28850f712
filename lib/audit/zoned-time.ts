/**
 * Wall-clock times in a reader's time zone <-> instants, with Intl only (no date library).
 * Filters and report periods are typed in the reader's zone; the database compares instants.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in `timeZone` at an instant. */
export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Local wall time minus UTC, in milliseconds, at an instant. */
function offsetAt(instantMs: number, timeZone: string): number {
  const wall = wallTimeAt(new Date(instantMs), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `timeZone` names. A time skipped by a DST change maps to
 * the instant after the jump; a repeated one to its first occurrence.
 */
export function zonedToUtc(wall: Omit<WallTime, 'second'> & { second?: number }, timeZone: string): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  // The offsets in force half a day either side cover any transition near this time.
  const before = offsetAt(guess - HALF_DAY_MS, timeZone);
  const after = offsetAt(guess + HALF_DAY_MS, timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => guess - offset)
    .filter((instant) => guess - offsetAt(instant, timeZone) === instant)
    .sort((a, b) => a - b);
  // Two valid instants: a repeated hour, take the first. None: a skipped hour, read the time
  // with the offset from before the jump, which lands after it.
  return new Date(valid[0] ?? guess - before);
}

const HALF_DAY_MS = 12 * 60 * 60 * 1000;

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * Parses the value of an <input type="date"> ("2030-01-31") or <input type="datetime-local">
 * ("2030-01-31T13:45") as a time in `timeZone`; undefined when malformed.
 */
export function parseLocalInput(value: string, timeZone: string): Date | undefined {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const instant = zonedToUtc({ year, month, day, hour, minute }, timeZone);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2030-01-31" in `timeZone`: the value for an <input type="date">. */
export function localDateInput(instant: Date, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The start of the next local day after a local date ("2030-01-31" -> 2030-02-01 00:00 local). */
export function endOfLocalDay(value: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
  return zonedToUtc({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0 }, timeZone);
}
