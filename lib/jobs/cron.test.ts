import { describe, expect, it } from 'vitest';
import { assertValidCron, nextCronRun } from './cron';

describe('nextCronRun', () => {
  it('gives the next tick strictly after the given time, in UTC', () => {
    expect(nextCronRun('*/5 * * * *', new Date('2030-01-01T00:03:10Z'))).toEqual(new Date('2030-01-01T00:05:00Z'));
    expect(nextCronRun('*/5 * * * *', new Date('2030-01-01T00:05:00Z'))).toEqual(new Date('2030-01-01T00:10:00Z'));
    expect(nextCronRun('0 3 * * *', new Date('2030-01-01T12:00:00Z'))).toEqual(new Date('2030-01-02T03:00:00Z'));
  });

  it('honours an Inngest-style TZ= prefix', () => {
    // Noon in Paris is 11:00 UTC in winter.
    expect(nextCronRun('TZ=Europe/Paris 0 12 * * *', new Date('2030-01-01T00:00:00Z'))).toEqual(
      new Date('2030-01-01T11:00:00Z'),
    );
  });

  it('rejects a malformed expression', () => {
    expect(() => assertValidCron('every five minutes')).toThrow();
    expect(() => assertValidCron('*/5 * * * *')).not.toThrow();
  });
});
