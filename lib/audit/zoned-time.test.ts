import { describe, expect, it } from 'vitest';
import { endOfLocalDay, localDateInput, parseLocalInput, zonedToUtc } from './zoned-time';

describe('zoned time', () => {
  it('reads a local date-time in the given zone', () => {
    expect(parseLocalInput('2030-01-31T13:45', 'Asia/Tokyo')?.toISOString()).toBe('2030-01-31T04:45:00.000Z');
    expect(parseLocalInput('2030-07-01', 'Europe/Berlin')?.toISOString()).toBe('2030-06-30T22:00:00.000Z');
    expect(parseLocalInput('2030-01-01T00:00', 'UTC')?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(parseLocalInput('2030-13-01', 'UTC')).toBeUndefined();
    expect(parseLocalInput('yesterday', 'UTC')).toBeUndefined();
  });

  it('handles daylight saving changes', () => {
    // 2030-03-31 02:30 does not exist in Berlin (clocks jump 02:00 -> 03:00).
    expect(zonedToUtc({ year: 2030, month: 3, day: 31, hour: 2, minute: 30 }, 'Europe/Berlin').toISOString()).toBe('2030-03-31T01:30:00.000Z');
    expect(zonedToUtc({ year: 2030, month: 3, day: 31, hour: 3, minute: 0 }, 'Europe/Berlin').toISOString()).toBe('2030-03-31T01:00:00.000Z');
    expect(zonedToUtc({ year: 2030, month: 11, day: 3, hour: 12, minute: 0 }, 'America/New_York').toISOString()).toBe('2030-11-03T17:00:00.000Z');
    // 2030-10-27 02:30 happens twice in Berlin: the first one (summer time) is meant.
    expect(zonedToUtc({ year: 2030, month: 10, day: 27, hour: 2, minute: 30 }, 'Europe/Berlin').toISOString()).toBe('2030-10-27T00:30:00.000Z');
  });

  it('gives local dates and the end of a local day', () => {
    expect(localDateInput(new Date('2030-01-31T20:00:00Z'), 'Asia/Tokyo')).toBe('2030-02-01');
    expect(endOfLocalDay('2030-01-31', 'Asia/Tokyo')?.toISOString()).toBe('2030-01-31T15:00:00.000Z');
    expect(endOfLocalDay('2030-12-31', 'UTC')?.toISOString()).toBe('2031-01-01T00:00:00.000Z');
  });
});
