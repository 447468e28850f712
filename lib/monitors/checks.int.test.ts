import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../db/open';
import { queryRows } from '../../db/rows';
import { monitorCheckHours, monitors, type MonitorStatus } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import type { Db } from '../../db/types';
import { readUptime } from '../health-dashboard/queries';
import { HOUR_MS, insertMonitorChecks, recountMonitorCheckHours, type NewMonitorCheck } from './checks';
import { uptimeByMonitor, type Uptime } from './queries';
import { recordCheck } from './run-probes';

const MINUTE = 60_000;
const DAY = 24 * HOUR_MS;
const END = Date.parse('2026-03-01T12:00:00Z');
const STATUSES: MonitorStatus[] = ['up', 'up', 'up', 'up', 'degraded', 'down'];

/** Deterministic randomness (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The uptime scan before monitor_check_hours (every check of 30 days), kept as the reference. */
async function scannedUptime(db: Db, now: Date): Promise<Map<string, Uptime>> {
  const at = (ms: number) => sql`${new Date(now.getTime() - ms).toISOString()}::timestamptz`;
  const pct = (since: ReturnType<typeof at>) =>
    sql`case when count(*) filter (where checked_at > ${since}) = 0 then null
        else 100.0 * count(*) filter (where checked_at > ${since} and status in ('up', 'degraded'))
             / count(*) filter (where checked_at > ${since}) end`;
  const rows = await queryRows<{ monitor_id: string; day: string | number | null; week: string | number | null; month: string | number | null }>(
    db,
    sql`select monitor_id, ${pct(at(DAY))} as day, ${pct(at(7 * DAY))} as week, ${pct(at(30 * DAY))} as month
        from monitor_checks where checked_at > ${at(30 * DAY)} and checked_at <= ${now.toISOString()}::timestamptz
        group by monitor_id`,
  );
  const num = (value: string | number | null) => (value === null ? null : Number(value));
  return new Map(rows.map((row) => [row.monitor_id, { day: num(row.day), week: num(row.week), month: num(row.month) }]));
}

/** The dashboard's count before monitor_check_hours, kept as the reference. */
async function scannedCounts(db: Db, from: number, to: number): Promise<{ checks: number; ok: number }> {
  const [row] = await queryRows<{ checks: number; ok: number }>(
    db,
    sql`select count(*)::float8 as checks, (count(*) filter (where status in ('up', 'degraded')))::float8 as ok
        from monitor_checks where checked_at >= ${new Date(from).toISOString()}::timestamptz and checked_at < ${new Date(to).toISOString()}::timestamptz`,
  );
  return { checks: Number(row!.checks), ok: Number(row!.ok) };
}

const storedHours = (db: Db) =>
  queryRows<{ monitor_id: string; hour_start: string; checks: number; ok: number }>(
    db,
    sql`select monitor_id, hour_start::text, checks, ok from monitor_check_hours order by monitor_id, hour_start`,
  );

describe('uptime from monitor_check_hours', () => {
  let t: TestDb;
  const moments: number[] = [];
  beforeAll(async () => {
    t = await createTestDb();
    const next = random(20260301);
    const ids = (await t.db.insert(monitors).values([1, 2, 3].map((n) => ({ name: `M${n}`, url: `https://m${n}.example.com` }))).returning()).map((m) => m.id);
    // 35 days of checks at uneven gaps (a second to 40 minutes), some on whole minutes and
    // hours, and runs of outages; plus checks exactly on the edges the windows will use.
    const checks: NewMonitorCheck[] = [];
    for (const [index, monitorId] of ids.entries()) {
      let at = END - 35 * DAY + index * 7_919;
      let down = 0;
      while (at < END) {
        if (down === 0 && next() < 0.01) down = Math.floor(next() * 40);
        const status = down > 0 ? 'down' : STATUSES[Math.floor(next() * STATUSES.length)]!;
        down = Math.max(0, down - 1);
        checks.push({ monitorId, checkedAt: new Date(at), status });
        const gap = next() < 0.5 ? MINUTE * (1 + Math.floor(next() * 15)) : 1_000 + Math.floor(next() * 40 * MINUTE);
        at = next() < 0.1 ? Math.ceil((at + gap) / HOUR_MS) * HOUR_MS : at + gap;
      }
    }
    // Where windows start and end: whole hours, odd milliseconds, and exactly on a check.
    moments.push(END, END - 3 * HOUR_MS, END - 90 * MINUTE, END - 2 * DAY + 1, END - 5 * DAY - 1);
    for (let i = 0; i < 6; i++) moments.push(END - Math.floor(next() * 4 * DAY));
    for (let i = 0; i < 3; i++) moments.push(checks[checks.length - 1 - Math.floor(next() * 3000)]!.checkedAt.getTime());
    for (const moment of moments) {
      for (const back of [0, DAY, 7 * DAY, 30 * DAY]) checks.push({ monitorId: ids[0]!, checkedAt: new Date(moment - back), status: 'down' });
    }
    // In random batches and order, so hours are added to from several statements.
    for (let i = checks.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [checks[i], checks[j]] = [checks[j]!, checks[i]!];
    }
    for (let i = 0; i < checks.length; ) {
      const size = 1 + Math.floor(next() * 700);
      await insertMonitorChecks(t.db, checks.slice(i, i + size));
      i += size;
    }
  }, 120_000);
  afterAll(async () => t.close());

  it('keeps the same hourly counts as grouping the checks', async () => {
    const counted = await storedHours(t.db);
    expect(counted.length).toBeGreaterThan(1500);
    await t.db.delete(monitorCheckHours);
    await recountMonitorCheckHours(t.db);
    expect(await storedHours(t.db)).toEqual(counted);
  });

  it('gives the same uptime as scanning every check, for windows that cut through hours', async () => {
    for (const moment of moments) {
      for (const now of [moment, moment + 1, moment - 1]) {
        const expected = await scannedUptime(t.db, new Date(now));
        expect(expected.size).toBe(3);
        expect(await uptimeByMonitor(t.db, new Date(now)), new Date(now).toISOString()).toEqual(expected);
        const [id, one] = [...expected.entries()][1]!;
        expect(await uptimeByMonitor(t.db, new Date(now), id)).toEqual(new Map([[id, one]]));
      }
    }
  });

  it('gives the dashboard the same counts as scanning every check, short windows and long', async () => {
    const next = random(7);
    const lengths = [1, 999, 59 * MINUTE, HOUR_MS, HOUR_MS + 1, 2 * HOUR_MS, 90 * MINUTE, DAY, 7 * DAY, 30 * DAY];
    for (const moment of moments) {
      for (const length of [...lengths, Math.floor(next() * 10 * DAY)]) {
        for (const [from, to] of [
          [moment - length, moment],
          [moment, moment + length],
          [Math.floor((moment - length) / HOUR_MS) * HOUR_MS, moment],
        ] as const) {
          expect(await readUptime(t.db, from, to), `${new Date(from).toISOString()} – ${new Date(to).toISOString()}`).toEqual(await scannedCounts(t.db, from, to));
        }
      }
    }
  });
});

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
