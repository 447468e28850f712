import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../db/open';
import { auditLog, monitorChecks, monitors, productionMetrics } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import type { MutationContext } from '../audit/context';
import type { Resolver } from '../net/ssrf';
import { setSetting } from '../settings/settings';
import { runHealthMonitor } from './health-monitor-job';
import type { ProbeResult } from './probe';
import { listMonitorStatus } from './queries';
import { probeDueMonitors } from './run-probes';
import { createMonitor, deleteMonitor, setMonitorActive, updateMonitor } from './save';
import type { MonitorInput } from './schemas';

const T0 = new Date('2026-06-01T12:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const admin: MutationContext = { actor: { type: 'system', id: 'test-admin' }, request: { requestId: 'req-monitors' } };

const fakeDns: Resolver = async (host) => {
  const table: Record<string, string[]> = {
    'status.example': ['93.184.216.34'],
    'metadata.example': ['169.254.169.254'],
    'intranet.example': ['10.1.2.3'],
    'v6-private.example': ['fd12:3456::1'],
    'mapped.example': ['::ffff:192.168.0.10'],
    'rebind.example': ['127.0.0.1'],
  };
  const found = table[host];
  if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const input = (overrides: Partial<MonitorInput> = {}): MonitorInput => ({
  name: 'Status page',
  url: 'https://status.example/health',
  method: 'GET',
  expectedStatus: 200,
  timeoutMs: 1000,
  intervalSeconds: 60,
  degradedAfterMs: 150,
  ...overrides,
});

describe('monitors', () => {
  let t: TestDb;
  let server: http.Server;
  let port: number;
  let mode: 'fast' | 'slow' | 'fail' | 'hang' = 'fast';
  let hits = 0;

  beforeAll(async () => {
    t = await createTestDb();
    server = http.createServer((request, response) => {
      hits++;
      if (mode === 'fast') response.end('ok');
      else if (mode === 'slow') setTimeout(() => response.end('slow'), 400);
      else if (mode === 'fail') {
        response.statusCode = 503;
        response.end('down');
      } // 'hang': never answers; the probe's timeout ends it.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  it('refuses private, loopback, link-local, metadata and IPv6 targets at save time with the reason', async () => {
    await setSetting(t.db, 'network.allow_private_targets', false, admin);
    const refusals: Array<[string, string]> = [
      [`http://127.0.0.1:${port}/`, 'targetLoopback'],
      ['http://localhost.invalid/', 'targetUnresolvable'],
      ['http://169.254.169.254/latest/meta-data/', 'targetLinkLocal'],
      ['http://metadata.example/', 'targetLinkLocal'],
      ['http://intranet.example/', 'targetPrivate'],
      ['http://[::1]/', 'targetLoopback'],
      ['http://[fe80::1]/', 'targetLinkLocal'],
      ['http://v6-private.example/', 'targetPrivate'],
      ['http://mapped.example/', 'targetPrivate'],
      ['http://[::ffff:7f00:1]/', 'targetLoopback'],
      ['http://100.64.1.1/', 'targetShared'],
      ['http://0.0.0.0/', 'targetUnspecified'],
      ['http://user:secret@status.example/', 'monitorUrlCredentials'],
    ];
    for (const [url, messageKey] of refusals) {
      await expect(createMonitor(t.db, input({ url }), admin, { resolve: fakeDns }), url).rejects.toMatchObject({
        kind: 'invalid',
        messageKey,
        details: { field: 'url' },
      });
    }
    expect(await t.db.select().from(monitors)).toHaveLength(0);
    const created = await createMonitor(t.db, input(), admin, { resolve: fakeDns, now: T0 });
    expect(created).toMatchObject({ name: 'Status page', isActive: true, nextCheckAt: T0 });
    await deleteMonitor(t.db, created.id, admin);
  });

  it('probes a local server made slow, then failing: up, degraded, down, with uptime to 0.1 %', async () => {
    await setSetting(t.db, 'network.allow_private_targets', true, admin);
    const monitor = await createMonitor(t.db, input({ name: 'Local', url: `http://127.0.0.1:${port}/health` }), admin, { now: T0 });
    const tick = async (minute: number) => probeDueMonitors(t.db, { now: minutes(minute) });
    const state = async () => (await t.db.select().from(monitors).where(eq(monitors.id, monitor.id)))[0]!;

    mode = 'fast';
    expect(await tick(0)).toEqual({ probed: 1, up: 1, degraded: 0, down: 0 });
    // Not due again until a full interval has passed.
    expect(await tick(0.5)).toEqual({ probed: 0, up: 0, degraded: 0, down: 0 });
    mode = 'slow';
    expect(await tick(1)).toMatchObject({ probed: 1, degraded: 1 });
    expect(await state()).toMatchObject({ lastStatus: 'degraded', consecutiveFailures: 0 });
    expect((await state()).lastResponseMs).toBeGreaterThanOrEqual(400);
    mode = 'fail';
    expect(await tick(2)).toMatchObject({ probed: 1, down: 1 });
    mode = 'hang';
    expect(await tick(3)).toMatchObject({ probed: 1, down: 1 });
    expect(await state()).toMatchObject({ lastStatus: 'down', consecutiveFailures: 2, lastResponseMs: null, lastCheckedAt: minutes(3) });

    const checks = await t.db.select().from(monitorChecks).where(eq(monitorChecks.monitorId, monitor.id)).orderBy(monitorChecks.checkedAt);
    expect(checks.map((c) => [c.status, c.httpStatus, c.error])).toEqual([
      ['up', 200, null],
      ['degraded', 200, null],
      ['down', 503, 'unexpected_status'],
      ['down', null, 'timeout'],
    ]);
    const points = await t.db.select().from(productionMetrics).where(eq(productionMetrics.endpoint, `monitor:${monitor.id}`));
    expect(points).toHaveLength(4);
    expect(points.every((p) => p.metricType === 'monitor_response_time')).toBe(true);
    expect(points.map((p) => (p.metadata as { status: string }).status).sort()).toEqual(['degraded', 'down', 'down', 'up']);
    expect(Math.max(...points.map((p) => p.metricValue))).toBeGreaterThanOrEqual(1000);

    mode = 'fast';
    for (let minute = 4; minute < 10; minute++) await tick(minute);
    // 10 checks, 2 down: 80.0 % (degraded counts as up).
    const [status] = (await listMonitorStatus(t.db, minutes(10))).filter((m) => m.id === monitor.id);
    expect(status!.uptime.day).toBeCloseTo(80.0, 1);
    expect(status!.uptime.month).toBeCloseTo(80.0, 1);
    expect(status).toMatchObject({ lastStatus: 'up', isActive: true });

    // Disabled: no more probes.
    await setMonitorActive(t.db, monitor.id, false, admin);
    expect(await tick(20)).toMatchObject({ probed: 0 });
    await deleteMonitor(t.db, monitor.id, admin);
    expect(await t.db.select().from(monitorChecks).where(eq(monitorChecks.monitorId, monitor.id))).toHaveLength(0);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.targetId, monitor.id))).map((e) => e.action);
    expect(actions).toEqual(['monitor.create', 'monitor.disable', 'monitor.delete']);
  });

  it('re-checks at probe time: a private target saved while allowed, or a name rebound to loopback, is refused once the setting is off', async () => {
    await setSetting(t.db, 'network.allow_private_targets', true, admin);
    const literal = await createMonitor(t.db, input({ name: 'Literal', url: `http://127.0.0.1:${port}/` }), admin, { now: T0 });
    const rebound = await createMonitor(t.db, input({ name: 'Rebound', url: `http://status.example:${port}/` }), admin, { now: T0, resolve: fakeDns });
    // The name resolved to a public address at save time; now it answers with 127.0.0.1.
    await setSetting(t.db, 'network.allow_private_targets', false, admin);
    mode = 'fast';
    hits = 0;
    const rebind: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    expect(await probeDueMonitors(t.db, { now: minutes(100), resolve: rebind })).toMatchObject({ probed: 2, down: 2 });
    expect(hits).toBe(0);
    const errors = await t.db.select({ id: monitorChecks.monitorId, error: monitorChecks.error }).from(monitorChecks);
    expect(errors.filter((e) => e.id === literal.id || e.id === rebound.id).map((e) => e.error)).toEqual(['blocked:loopback', 'blocked:loopback']);
    await deleteMonitor(t.db, literal.id, admin);
    await deleteMonitor(t.db, rebound.id, admin);
  });

  it('keeps at most 8 probes in flight, and an edit makes the monitor due at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await createMonitor(t.db, input({ name: `M${i}` }), admin, { now: T0, resolve: fakeDns })).id);
    let inFlight = 0;
    let peak = 0;
    const probe = async (): Promise<ProbeResult> => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight--;
      return { status: 'up', elapsedMs: 20, httpStatus: 200, error: null };
    };
    expect(await probeDueMonitors(t.db, { now: minutes(200), probe })).toMatchObject({ probed: 20, up: 20 });
    expect(peak).toBe(8);
    expect(await probeDueMonitors(t.db, { now: minutes(200.5), probe })).toMatchObject({ probed: 0 });
    await updateMonitor(t.db, ids[0]!, input({ name: 'M0 renamed' }), admin, { now: minutes(200.5), resolve: fakeDns });
    expect(await probeDueMonitors(t.db, { now: minutes(200.5), probe })).toMatchObject({ probed: 1 });
    for (const id of ids) await deleteMonitor(t.db, id, admin);
  });

  it('runs the job as steps and reports each step\'s result under its id', async () => {
    const result = await runHealthMonitor({ db: t.db, now: minutes(300) });
    expect(result).toEqual({ 'probe-monitors.probed': 0, 'probe-monitors.up': 0, 'probe-monitors.degraded': 0, 'probe-monitors.down': 0 });
    await expect(
      runHealthMonitor({ db: t.db, now: minutes(300) }, [
        { id: 'broken', run: async () => Promise.reject(new Error('boom')) },
        { id: 'after', run: async () => ({ ran: true }) },
      ]),
    ).rejects.toThrow('broken: boom');
  });

  it('never probes one monitor twice in one tick when two runs race', async () => {
    for (let i = 0; i < 30; i++) await createMonitor(t.db, input({ name: `Race ${i}` }), admin, { now: minutes(400), resolve: fakeDns });
    const second = t.url ? openPostgres(t.url, 4) : undefined;
    const probed: string[] = [];
    const probe = async (target: { url: string }): Promise<ProbeResult> => {
      probed.push(target.url);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { status: 'up', elapsedMs: 5, httpStatus: 200, error: null };
    };
    try {
      const now = minutes(401);
      const runs = await Promise.all([
        probeDueMonitors(t.db, { now, probe }),
        probeDueMonitors(second?.db ?? t.db, { now, probe }),
        probeDueMonitors(t.db, { now, probe }),
      ]);
      expect(runs.reduce((sum, run) => sum + run.probed, 0)).toBe(30);
      expect(probed).toHaveLength(30);
      const perMonitor = await t.db.select({ id: monitorChecks.monitorId }).from(monitorChecks).where(eq(monitorChecks.checkedAt, now));
      expect(new Set(perMonitor.map((r) => r.id)).size).toBe(30);
      expect(perMonitor).toHaveLength(30);
    } finally {
      await second?.close();
    }
  });
});
