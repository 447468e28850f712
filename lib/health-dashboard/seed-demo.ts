import { and, eq, gte, sql } from 'drizzle-orm';
import { metricRollups1h, metricRollups1m, monitors, productionMetrics, type MonitorStatus } from '../../db/schema';
import type { DatabaseKind, Db } from '../../db/types';
import { rollUpRangeFromHours } from '../metrics/rollup';
import { insertMonitorChecks } from '../monitors/checks';
import { addToSketch, sketchPercentiles, type SketchCounts } from '../metrics/sketch';
import {
  DEMO_INSTANCE,
  DEMO_LATENCY,
  DEMO_MONITOR_NAME,
  demoHourDirect,
  demoMinute,
  demoTenSeconds,
  gaugeSamples,
  gaugesFor,
  inIncident,
  mergeDemoCells,
  type DemoCell,
} from './demo-data';
import { DAY_MS, floorTo, HOUR_MS, MINUTE_MS, RAW_BUCKET_MS, SIX_HOURS_MS } from './ranges';
import type { RawInsert, RollupInsert } from './test-rows';

export interface SeedOptions {
  now: Date;
  kind: DatabaseKind;
  /** Days of hourly rollups; 60 gives the 30-day range a previous period to compare with. */
  days?: number;
  /** Also add the paused demo monitor and its checks (default true). */
  monitor?: boolean;
}

export interface SeedCounts {
  raw: number;
  minute: number;
  hour: number;
  sixHour: number;
  day: number;
  checks: number;
}

function rollupOf(metricType: string, endpoint: string, bucketStart: number, cell: DemoCell): RollupInsert {
  return {
    metricType,
    endpoint,
    bucketStart: new Date(bucketStart),
    count: cell.count,
    errors: cell.errors,
    sum: cell.sum,
    min: cell.min,
    max: cell.max,
    ...sketchPercentiles(cell.sketch),
    histogram: cell.sketch,
    metadata: cell.lastErrorClass ? { lastErrorClass: cell.lastErrorClass } : null,
  };
}

function rawOf(metricType: string, endpoint: string, start: number, cell: DemoCell): RawInsert {
  return {
    metricType,
    endpoint,
    recordedAt: new Date(start),
    metricValue: cell.sum / cell.count,
    metadata: {
      agg: 1,
      bucketSeconds: RAW_BUCKET_MS / 1000,
      count: cell.count,
      errors: cell.errors,
      sum: cell.sum,
      min: cell.min,
      max: cell.max,
      ...sketchPercentiles(cell.sketch),
      sketch: cell.sketch,
      statuses: cell.errors > 0 ? { '200': cell.count - cell.errors, '500': cell.errors } : { '200': cell.count },
      ...(cell.lastErrorClass ? { lastErrorClass: cell.lastErrorClass } : {}),
      instance: DEMO_INSTANCE,
    },
  };
}

function gaugeCell(values: readonly number[]): DemoCell {
  const sketch: SketchCounts = {};
  let sum = 0;
  for (const value of values) {
    addToSketch(sketch, value);
    sum += value;
  }
  return { count: values.length, errors: 0, sum, min: Math.min(...values), max: Math.max(...values), sketch, lastErrorClass: null };
}

async function insertAll<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>, size = 500): Promise<number> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
  return rows.length;
}

/**
 * Writes deterministic demo metrics as the pipeline would have left them at `now`: hourly
 * rollups for `days` days, minute rollups for the last day, raw 10-second rows for the last
 * hour (complete buckets only, each level the merge of the finer one where both exist), and a
 * paused demo monitor with a month of checks. Running it again adds nothing twice: rollups
 * already there are kept, the demo's raw rows of the last hour are replaced.
 */
export async function seedDemoMetrics(db: Db, options: SeedOptions): Promise<SeedCounts> {
  const now = options.now.getTime();
  const days = options.days ?? 60;
  const rawTo = floorTo(now, RAW_BUCKET_MS);
  const minuteTo = floorTo(now, MINUTE_MS);
  const hourTo = floorTo(now, HOUR_MS);
  const rawFrom = minuteTo - HOUR_MS;
  const minuteFrom = hourTo - DAY_MS;
  const hourFrom = hourTo - days * DAY_MS;

  const raw: RawInsert[] = [];
  const minute: RollupInsert[] = [];
  const hour: RollupInsert[] = [];

  for (const series of DEMO_LATENCY) {
    const { metricType, endpoint } = series;
    for (let start = hourFrom; start < minuteFrom; start += HOUR_MS) {
      const cell = demoHourDirect(series, start);
      if (cell.count > 0) hour.push(rollupOf(metricType, endpoint, start, cell));
    }
    let hourCell: DemoCell | undefined;
    for (let start = minuteFrom; start < minuteTo; start += MINUTE_MS) {
      const cell = demoMinute(series, start);
      if (cell.count > 0) minute.push(rollupOf(metricType, endpoint, start, cell));
      if (start % HOUR_MS === 0) hourCell = { count: 0, errors: 0, sum: 0, min: Infinity, max: -Infinity, sketch: {}, lastErrorClass: null };
      mergeDemoCells(hourCell!, cell);
      if ((start + MINUTE_MS) % HOUR_MS === 0 && start + MINUTE_MS <= hourTo && hourCell!.count > 0) {
        hour.push(rollupOf(metricType, endpoint, start + MINUTE_MS - HOUR_MS, hourCell!));
      }
    }
    for (let start = rawFrom; start < rawTo; start += RAW_BUCKET_MS) {
      const cell = demoTenSeconds(series, start);
      if (cell.count > 0) raw.push(rawOf(metricType, endpoint, start, cell));
    }
  }

  for (const gauge of gaugesFor(options.kind)) {
    const { metricType, endpoint } = gauge;
    for (let start = hourFrom; start < hourTo; start += HOUR_MS) {
      hour.push(rollupOf(metricType, endpoint, start, gaugeCell(gaugeSamples(gauge, start, HOUR_MS, options.kind))));
    }
    for (let start = minuteFrom; start < minuteTo; start += MINUTE_MS) {
      minute.push(rollupOf(metricType, endpoint, start, gaugeCell(gaugeSamples(gauge, start, MINUTE_MS, options.kind))));
    }
    const every = gauge.every === 'process' ? RAW_BUCKET_MS : MINUTE_MS;
    for (let start = rawFrom; start < rawTo; start += every) {
      raw.push({ metricType, endpoint, recordedAt: new Date(start), metricValue: gauge.value(start, options.kind), metadata: { instance: DEMO_INSTANCE } });
    }
  }

  return db.transaction(async (tx) => {
    await tx
      .delete(productionMetrics)
      .where(and(gte(productionMetrics.recordedAt, new Date(rawFrom)), sql`${productionMetrics.metadata}->>'instance' = ${DEMO_INSTANCE}`));
    const counts: SeedCounts = {
      raw: await insertAll(raw, (chunk) => tx.insert(productionMetrics).values(chunk)),
      minute: await insertAll(minute, (chunk) => tx.insert(metricRollups1m).values(chunk).onConflictDoNothing()),
      hour: await insertAll(hour, (chunk) => tx.insert(metricRollups1h).values(chunk).onConflictDoNothing()),
      // 6-hour buckets and days are merged from the hours by the rollup job's own statement, as
      // it would have (the first, partial bucket too: a tier answers everything before its boundary).
      sixHour: await rollUpRangeFromHours(tx, 'sixHour', new Date(floorTo(hourFrom, SIX_HOURS_MS)), new Date(floorTo(hourTo, SIX_HOURS_MS))),
      day: await rollUpRangeFromHours(tx, 'day', new Date(floorTo(hourFrom, DAY_MS)), new Date(floorTo(hourTo, DAY_MS))),
      checks: 0,
    };
    if (options.monitor ?? true) counts.checks = await seedDemoMonitor(tx as unknown as Db, now);
    return counts;
  });
}

/** A paused monitor (nothing probes it) with checks every 5 minutes for 30 days. */
async function seedDemoMonitor(db: Db, now: number): Promise<number> {
  const [existing] = await db.select({ id: monitors.id }).from(monitors).where(eq(monitors.name, DEMO_MONITOR_NAME)).limit(1);
  if (existing) return 0;
  const every = 5 * MINUTE_MS;
  const last = floorTo(now, every);
  // Down for 25 minutes once, 3 days ago; slow during the daily incident.
  const outageFrom = floorTo(now, DAY_MS) - 3 * DAY_MS + 9 * HOUR_MS;
  const statusAt = (at: number): MonitorStatus => (at >= outageFrom && at < outageFrom + 25 * MINUTE_MS ? 'down' : inIncident(at) ? 'degraded' : 'up');
  const responseAt = (at: number, status: MonitorStatus) => (status === 'down' ? null : status === 'degraded' ? 2400 + (at % 7) * 50 : 180 + (at % 11) * 9);
  const [monitor] = await db
    .insert(monitors)
    .values({
      name: DEMO_MONITOR_NAME,
      url: 'https://status.example.com/health',
      isActive: false,
      lastCheckedAt: new Date(last),
      lastStatus: statusAt(last),
      lastResponseMs: responseAt(last, statusAt(last)),
    })
    .returning({ id: monitors.id });
  const checks = [];
  for (let at = last - 30 * DAY_MS + every; at <= last; at += every) {
    const status = statusAt(at);
    checks.push({
      monitorId: monitor!.id,
      checkedAt: new Date(at),
      status,
      responseMs: responseAt(at, status),
      httpStatus: status === 'down' ? null : 200,
      error: status === 'down' ? 'connect ECONNREFUSED' : null,
    });
  }
  return insertAll(checks, (chunk) => insertMonitorChecks(db, chunk), 1000);
}
