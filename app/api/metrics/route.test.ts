import { afterEach, describe, expect, it, vi } from 'vitest';

const TOKEN = 'scrape-token-0123456789abcdef';

/** The route as a fresh module, so env() reads the environment this test sets. */
async function loadRoute(token: string | undefined) {
  vi.resetModules();
  vi.stubEnv('METRICS_TOKEN', token ?? '');
  return import('./route');
}

const scrape = (GET: (request: Request, context: unknown) => Promise<Response>, authorization?: string) =>
  GET(new Request('http://127.0.0.1:3000/api/metrics', { headers: authorization ? { authorization } : {} }), {});

describe('GET /api/metrics', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('does not exist without METRICS_TOKEN', async () => {
    const { GET } = await loadRoute(undefined);
    expect((await scrape(GET)).status).toBe(404);
    expect((await scrape(GET, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('refuses a missing or wrong token and serves the text format to the right one', async () => {
    const { GET } = await loadRoute(TOKEN);
    // A fresh process-wide runtime, as start-up creates it (it installs the measurement sink).
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('smm.metrics.runtime')];
    (await import('@/lib/metrics/runtime')).getAggregator();
    const missing = await scrape(GET);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await missing.text()).not.toContain('smm_');
    expect((await scrape(GET, 'Bearer wrong-token-0123456789abcdef')).status).toBe(401);
    expect((await scrape(GET, `Basic ${TOKEN}`)).status).toBe(401);

    const ok = await scrape(GET, `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const body = await ok.text();
    expect(body).toContain('# TYPE smm_http_calls_total counter');
    // The scrapes themselves are measured: the refused ones (401) are counted, not as errors.
    expect(body).toMatch(/^smm_http_calls_total\{endpoint="GET \/api\/metrics"\} 3$/m);
    expect(body).toMatch(/^smm_http_errors_total\{endpoint="GET \/api\/metrics"\} 0$/m);
  });
});
