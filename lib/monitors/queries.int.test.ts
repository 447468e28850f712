import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitors, type MonitorStatus } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { insertMonitorChecks } from './checks';
import { listMonitorStatus } from './queries';

const NOW = new Date('2026-03-01T12:00:00Z');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('listMonitorStatus uptime', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('computes check-weighted uptime per window, degraded counting as up, to 0.1', async () => {
    const [monitor] = await t.db
      .insert(monitors)
      .values({ name: 'API', url: 'https://api.example.com/health', lastStatus: 'down', lastCheckedAt: new Date(NOW.getTime() - MIN), lastResponseMs: 120 })
      .returning();
    const [idle] = await t.db.insert(monitors).values({ name: 'Zeta never checked', url: 'https://z.example.com', isActive: false }).returning();
    const rows: Array<{ monitorId: string; checkedAt: Date; status: MonitorStatus }> = [];
    const add = (count: number, startAgoMs: number, status: MonitorStatus) => {
      for (let i = 0; i < count; i++) rows.push({ monitorId: monitor!.id, checkedAt: new Date(NOW.getTime() - startAgoMs - i * MIN), status });
    };
    // Last 24 h: 997 up, 2 degraded, 1 down -> 99.9 %.
    add(997, MIN, 'up');
    add(2, 1000 * MIN, 'degraded');
    add(1, 1100 * MIN, 'down');
    // 2–7 days ago: 1000 more, of which 333 down -> week (2000 checks, 334 down) = 83.3 %.
    add(667, 2 * DAY, 'up');
    add(333, 3 * DAY, 'down');
    // 10 days ago: 1000 down -> month (3000 checks, 1334 down) = 55.5 %.
    add(1000, 10 * DAY, 'down');
    // Older than 30 days and in the future: ignored.
    add(50, 31 * DAY, 'down');
    add(5, -10 * MIN, 'down');
    for (let i = 0; i < rows.length; i += 500) await insertMonitorChecks(t.db, rows.slice(i, i + 500));

    const list = await listMonitorStatus(t.db, NOW);
    expect(list.map((m) => m.name)).toEqual(['API', 'Zeta never checked']);
    const api = list[0]!;
    expect(api).toMatchObject({ id: monitor!.id, isActive: true, lastStatus: 'down', lastResponseMs: 120 });
    expect(api.lastCheckedAt).toEqual(new Date(NOW.getTime() - MIN));
    expect(api.uptime.day).toBeCloseTo(99.9, 1);
    expect(api.uptime.week).toBeCloseTo(83.3, 1);
    expect(api.uptime.month).toBeCloseTo(55.5, 1);
    expect(list[1]).toMatchObject({ id: idle!.id, isActive: false, lastStatus: null, uptime: { day: null, week: null, month: null } });
  });
});
