import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs used by scripts/start.mjs; no types.
import { webConcurrency } from './web-concurrency.mjs';

const postgres = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/app' };

describe('WEB_CONCURRENCY', () => {
  it('runs one process when unset or 1, embedded database or not', () => {
    expect(webConcurrency({})).toBe(1);
    expect(webConcurrency({ WEB_CONCURRENCY: '1' })).toBe(1);
    expect(webConcurrency({ WEB_CONCURRENCY: ' ' })).toBe(1);
  });

  it('takes a count or "auto" (one per core) with PostgreSQL', () => {
    expect(webConcurrency({ ...postgres, WEB_CONCURRENCY: '4' })).toBe(4);
    expect(webConcurrency({ ...postgres, WEB_CONCURRENCY: 'auto' })).toBeGreaterThanOrEqual(1);
  });

  it('refuses more than one process on the embedded database, saying what to set', () => {
    expect(() => webConcurrency({ WEB_CONCURRENCY: '2' })).toThrow(/needs DATABASE_URL.*one process only/);
  });

  it('refuses values that are not a count from 1 to 64', () => {
    for (const value of ['0', '65', 'two', '-1', '2.5']) {
      expect(() => webConcurrency({ ...postgres, WEB_CONCURRENCY: value })).toThrow(/WEB_CONCURRENCY must be a number of processes from 1 to 64/);
    }
  });
});
