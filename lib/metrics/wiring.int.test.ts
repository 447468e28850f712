import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { runJob } from '../jobs/run-job';
import { setMeasurementSink, type Measurement } from './instrument';
import { instrumentRoute } from './route';

describe('measurement wiring', () => {
  let t: TestDb;
  const seen: Measurement[] = [];
  beforeAll(async () => {
    t = await createTestDb();
    setMeasurementSink((measurement) => seen.push(measurement));
  });
  afterEach(() => {
    seen.length = 0;
  });
  afterAll(async () => {
    setMeasurementSink(undefined);
    await t.close();
  });

  it('measures every job run under its id, a failure as an error with its class', async () => {
    const ok = { id: 'metrics-test-ok', cron: '* * * * *', description: 'ok', run: async () => ({ done: true }) };
    const failing = { id: 'metrics-test-fail', cron: '* * * * *', description: 'fails', run: async () => Promise.reject(new SyntaxError('bad')) };
    expect((await runJob(t.db, ok, { trigger: 'manual', engine: 'in_process' })).status).toBe('succeeded');
    expect((await runJob(t.db, failing, { trigger: 'cron', engine: 'inngest' })).status).toBe('failed');
    expect(seen.map(({ kind, name, status, errorClass }) => ({ kind, name, status, errorClass }))).toEqual([
      { kind: 'job', name: 'metrics-test-ok', status: 'ok', errorClass: undefined },
      { kind: 'job', name: 'metrics-test-fail', status: 'error', errorClass: 'SyntaxError' },
    ]);
    expect(seen.every((m) => m.durationMs >= 0)).toBe(true);
  });

  it('measures route handlers under their stable name with the HTTP status, a throw as a 500', async () => {
    const handler = instrumentRoute('GET /api/v1/things/[id]', async (request: Request, context: { params: Promise<{ id: string }> }) => {
      const { id } = await context.params;
      if (id === 'boom') throw new TypeError('no');
      return Response.json({ id, q: new URL(request.url).search }, { status: id === 'missing' ? 404 : 200 });
    });
    const call = (id: string) => handler(new Request(`http://127.0.0.1/api/v1/things/${id}?page=2`), { params: Promise.resolve({ id }) });
    const answer = await call('42');
    expect(await answer.json()).toEqual({ id: '42', q: '?page=2' });
    expect((await call('missing')).status).toBe(404);
    await expect(call('boom')).rejects.toThrow('no');
    expect(seen.map(({ name, status, errorClass }) => [name, status, errorClass])).toEqual([
      ['GET /api/v1/things/[id]', 200, undefined],
      ['GET /api/v1/things/[id]', 404, undefined],
      ['GET /api/v1/things/[id]', 500, 'TypeError'],
    ]);
  });
});
