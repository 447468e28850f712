import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobDefinitions } from '../lib/jobs/definitions';
import { functions } from './functions';
import { createInngestHandlers, NOT_CONFIGURED_BODY } from './serve';

const request = (method: string) =>
  new NextRequest('http://localhost:3000/api/inngest', {
    method,
    body: method === 'GET' ? undefined : '{}',
    headers: { 'content-type': 'application/json' },
  });

describe('/api/inngest', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('serves one function per job definition, on its cron', () => {
    expect(functions.map((fn) => [fn.opts.id, fn.opts.triggers])).toEqual(
      jobDefinitions.map((definition) => [definition.id, [{ cron: definition.cron }]]),
    );
    expect(functions.map((fn) => fn.opts.id)).toContain('housekeeping');
  });

  it('answers 503 with an explanation to every method when Inngest is not configured', async () => {
    const handlers = createInngestHandlers(functions, () => false);
    for (const method of ['GET', 'POST', 'PUT'] as const) {
      const response = await handlers[method](request(method), undefined);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual(NOT_CONFIGURED_BODY);
    }
  });

  it('is what the route exports when the environment has no Inngest settings', async () => {
    // env() parses (and caches) process.env on first use, which is here in this file.
    for (const name of ['INNGEST_SIGNING_KEY', 'INNGEST_DEV', 'DATABASE_URL']) vi.stubEnv(name, undefined);
    const route = await import('../app/api/inngest/route');
    const response = await route.PUT(request('PUT'), undefined);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: 'inngest_not_configured' });
  });

  it('hands requests to the Inngest SDK once configured, which refuses unsigned calls', async () => {
    // Cloud mode: the SDK reads these itself, so build a fresh client after setting them.
    vi.stubEnv('INNGEST_DEV', undefined);
    vi.stubEnv('INNGEST_SIGNING_KEY', 'signkey-prod-0123456789abcdef0123456789abcdef');
    vi.resetModules();
    const fresh = await import('./serve');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handlers = fresh.createInngestHandlers((await import('./functions')).functions, () => true);
    const response = await handlers.POST(request('POST'), undefined);
    expect(response.status).toBe(401);
    expect(logged).toHaveBeenCalled();
  });
});
