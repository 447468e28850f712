import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../db/open';
import { monitorCheckHours, monitors, type MonitorStatus } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { insertMonitorChecks } from './checks';
import { recordCheck } from './run-probes';

describe('monitor_check_hours upkeep', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('counts every check when two instances record checks of one hour at once', async () => {
    // Two connection pools stand for two app instances (PGlite has one connection: serialised).
    const other = t.url ? openPostgres(t.url, 5) : undefined;
    try {
      const [monitor] = await t.db.insert(monitors).values({ name: 'Busy', url: 'https://busy.example.com' }).returning();
      const hour = Date.parse('2026-03-01T10:00:00Z');
      const instances = [t.db, other?.db ?? t.db];
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) => {
          const status: MonitorStatus = i % 3 === 0 ? 'down' : i % 3 === 1 ? 'degraded' : 'up';
          const at = new Date(hour + i * 1_000);
          // Both write paths: the probe's transaction and a plain insert.
          return i % 2 === 0
            ? recordCheck(instances[i % 4 < 2 ? 0 : 1]!, monitor!, { status, elapsedMs: 100, httpStatus: status === 'down' ? null : 200, error: null }, at)
            : insertMonitorChecks(instances[i % 4 < 2 ? 0 : 1]!, [{ monitorId: monitor!.id, checkedAt: at, status }]);
        }),
      );
      expect(results.every(Boolean)).toBe(true);
      const rows = await t.db.select().from(monitorCheckHours).where(eq(monitorCheckHours.monitorId, monitor!.id));
      expect(rows).toEqual([{ monitorId: monitor!.id, hourStart: new Date(hour), checks: 60, ok: 40 }]);
    } finally {
      await other?.close();
    }
  });

  it('counts by UTC hour whatever the session time zone', async () => {
    const [monitor] = await t.db.insert(monitors).values({ name: 'Kathmandu', url: 'https://np.example.com' }).returning();
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'Asia/Kathmandu'`);
      await insertMonitorChecks(tx, [
        { monitorId: monitor!.id, checkedAt: new Date('2026-03-01T10:59:59.999Z'), status: 'up' },
        { monitorId: monitor!.id, checkedAt: new Date('2026-03-01T11:00:00.000Z'), status: 'down' },
      ]);
    });
    const rows = await t.db.select().from(monitorCheckHours).where(eq(monitorCheckHours.monitorId, monitor!.id)).orderBy(monitorCheckHours.hourStart);
    expect(rows.map((row) => [row.hourStart.toISOString(), row.checks, row.ok])).toEqual([
      ['2026-03-01T10:00:00.000Z', 1, 1],
      ['2026-03-01T11:00:00.000Z', 1, 0],
    ]);
  });

  it('writes no count when the check cannot be written, and deletes the counts with the monitor', async () => {
    const [monitor] = await t.db.insert(monitors).values({ name: 'Gone', url: 'https://gone.example.com' }).returning();
    const at = new Date('2026-03-01T10:30:00Z');
    await insertMonitorChecks(t.db, [{ monitorId: monitor!.id, checkedAt: at, status: 'up' }]);
    await expect(
      insertMonitorChecks(t.db, [
        { monitorId: monitor!.id, checkedAt: at, status: 'up' },
        { monitorId: '00000000-0000-4000-8000-000000000000', checkedAt: at, status: 'up' },
      ]),
    ).rejects.toThrow();
    const counts = () => t.db.select().from(monitorCheckHours).where(eq(monitorCheckHours.monitorId, monitor!.id));
    expect((await counts()).map((row) => row.checks)).toEqual([1]);
    await t.db.delete(monitors).where(eq(monitors.id, monitor!.id));
    expect(await counts()).toEqual([]);
  });
});
