import { afterEach, describe, expect, it } from 'vitest';
import { measure, setMeasurementSink, type Measurement } from './instrument';

describe('measure', () => {
  const seen: Measurement[] = [];
  setMeasurementSink((measurement) => seen.push(measurement));
  afterEach(() => {
    seen.length = 0;
  });

  it('returns what fn resolves to, unchanged, and records the Response status', async () => {
    const response = new Response('x', { status: 201 });
    await expect(measure('route', 'POST /things', async () => response)).resolves.toBe(response);
    expect(seen).toEqual([expect.objectContaining({ kind: 'route', name: 'POST /things', status: 201 })]);
    expect(seen[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('rejects with the very error fn rejects with, recorded as a 500 with its class', async () => {
    class ConnectionLost extends Error {}
    const error = new ConnectionLost('db gone');
    await expect(measure('route', 'GET /x', async () => Promise.reject(error))).rejects.toBe(error);
    expect(seen).toEqual([expect.objectContaining({ status: 500, errorClass: 'ConnectionLost' })]);
  });

  it('records and rejects when fn throws before returning its promise', async () => {
    const error = new TypeError('boom');
    const throwsAtOnce = (() => {
      throw error;
    }) as () => Promise<never>;
    await expect(measure('job', 'nightly', throwsAtOnce)).rejects.toBe(error);
    expect(seen).toEqual([expect.objectContaining({ kind: 'job', status: 'error', errorClass: 'TypeError' })]);
  });

  it('lets the caller classify control-flow throws (a redirect) instead of counting an error', async () => {
    const redirect = new Error('NEXT_REDIRECT');
    await expect(measure('action', 'x', async () => Promise.reject(redirect), { thrownStatus: (e) => (e === redirect ? 303 : undefined) })).rejects.toBe(redirect);
    expect(seen).toEqual([expect.objectContaining({ status: 303, errorClass: undefined })]);
  });

  it('records "ok" for a value that is not a Response, even a plain one from an untyped caller', async () => {
    const plain = (() => 42) as unknown as () => Promise<number>;
    await expect(measure('job', 'j', plain)).resolves.toBe(42);
    expect(seen).toEqual([expect.objectContaining({ status: 'ok' })]);
  });
});
