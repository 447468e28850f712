// Deterministic demo metrics: what a few routes, actions, jobs, the process and the database
// would have recorded. Every figure is a pure function of the series and the bucket's start
// time, so a test can recompute exactly what the seed wrote for any bucket, whenever it ran.
import { addToSketch, mergeSketches, RELATIVE_ACCURACY, sketchPercentiles, type SketchCounts } from '../metrics/sketch';
import { DAY_MS, HOUR_MS, MINUTE_MS, RAW_BUCKET_MS } from './ranges';

export const DEMO_INSTANCE = 'demo';
export const DEMO_MONITOR_NAME = 'Demo: status page';

export interface DemoLatencySeries {
  metricType: 'api_response_time' | 'job_duration';
  endpoint: string;
  /** Average calls per minute (requests follow a daily wave; jobs run on a fixed interval). */
  callsPerMinute: number;
  medianMs: number;
  /** Spread of the log-normal latency. */
  sigma: number;
  errorRate: number;
  errorClass: string;
  /** Jobs: one run every this many minutes, on the minute. */
  everyMinutes?: number;
  /** A daily slow, failing spell 14:00–14:20 UTC: latency × 4, errors at this rate. */
  incidentErrorRate?: number;
}

export const DEMO_LATENCY: readonly DemoLatencySeries[] = [
  { metricType: 'api_response_time', endpoint: 'POST /api/v1/metrics', callsPerMinute: 90, medianMs: 38, sigma: 0.45, errorRate: 0.002, errorClass: 'HTTP 503', incidentErrorRate: 0.08 },
  { metricType: 'api_response_time', endpoint: 'GET /api/health/ready', callsPerMinute: 12, medianMs: 4, sigma: 0.35, errorRate: 0, errorClass: 'HTTP 503' },
  { metricType: 'api_response_time', endpoint: 'GET /api/metrics', callsPerMinute: 4, medianMs: 14, sigma: 0.3, errorRate: 0, errorClass: 'HTTP 500' },
  { metricType: 'api_response_time', endpoint: 'POST /api/auth/[...nextauth]', callsPerMinute: 0.6, medianMs: 260, sigma: 0.2, errorRate: 0.01, errorClass: 'HTTP 500' },
  { metricType: 'api_response_time', endpoint: 'action:settings/users#createUser', callsPerMinute: 0.05, medianMs: 310, sigma: 0.25, errorRate: 0.05, errorClass: 'ZodError' },
  { metricType: 'api_response_time', endpoint: 'action:jobs#runJobNow', callsPerMinute: 0.1, medianMs: 45, sigma: 0.3, errorRate: 0, errorClass: 'Error' },
  { metricType: 'job_duration', endpoint: 'housekeeping', callsPerMinute: 0.2, everyMinutes: 5, medianMs: 120, sigma: 0.4, errorRate: 0, errorClass: 'Error' },
  { metricType: 'job_duration', endpoint: 'proactive-health-monitor', callsPerMinute: 1, everyMinutes: 1, medianMs: 420, sigma: 0.5, errorRate: 0.005, errorClass: 'TimeoutError' },
  { metricType: 'job_duration', endpoint: 'metrics-rollup', callsPerMinute: 1, everyMinutes: 1, medianMs: 85, sigma: 0.3, errorRate: 0, errorClass: 'Error' },
];

export interface DemoGauge {
  metricType: string;
  endpoint: string;
  /** 'process' gauges are sampled every 10 s, 'db' every minute. */
  every: 'process' | 'db';
  /** Only real Postgres has these (pg_stat_activity, pg_stat_database). */
  postgresOnly?: boolean;
  value: (at: number, kind: DemoDatabaseKind) => number;
}

export type DemoDatabaseKind = 'postgres' | 'pglite';

// --- deterministic noise -----------------------------------------------------------------

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A small PRNG (mulberry32) seeded by the series and the bucket. */
export function random(seed: string): () => number {
  let state = hash(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(next: () => number): number {
  const u = Math.max(next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

/** 0.5 at night, 1.5 in the (UTC) afternoon. */
export function dailyWave(at: number): number {
  const hour = (at % DAY_MS) / HOUR_MS;
  return 1 + 0.5 * Math.sin((2 * Math.PI * (hour - 8)) / 24);
}

export function inIncident(at: number): boolean {
  const offset = at % DAY_MS;
  return offset >= 14 * HOUR_MS && offset < 14 * HOUR_MS + 20 * MINUTE_MS;
}

// --- latency -----------------------------------------------------------------------------

export interface DemoCell {
  count: number;
  errors: number;
  sum: number;
  min: number;
  max: number;
  sketch: SketchCounts;
  lastErrorClass: string | null;
}

function emptyDemoCell(): DemoCell {
  return { count: 0, errors: 0, sum: 0, min: Infinity, max: -Infinity, sketch: {}, lastErrorClass: null };
}

export function mergeDemoCells(target: DemoCell, source: DemoCell): DemoCell {
  target.count += source.count;
  target.errors += source.errors;
  target.sum += source.sum;
  target.min = Math.min(target.min, source.min);
  target.max = Math.max(target.max, source.max);
  mergeSketches(target.sketch, source.sketch);
  if (source.lastErrorClass) target.lastErrorClass = source.lastErrorClass;
  return target;
}

export function demoCellPercentiles(cell: DemoCell) {
  return sketchPercentiles(cell.sketch);
}

/** Calls of one series in the 10-second bucket starting at `start`, each latency sampled. */
export function demoTenSeconds(series: DemoLatencySeries, start: number): DemoCell {
  const next = random(`${series.endpoint}|${start}`);
  let calls: number;
  if (series.everyMinutes) calls = start % (series.everyMinutes * MINUTE_MS) === 0 ? 1 : 0;
  else calls = Math.floor((series.callsPerMinute / 6) * dailyWave(start) + next());
  const incident = series.incidentErrorRate !== undefined && inIncident(start);
  const median = incident ? series.medianMs * 4 : series.medianMs;
  const errorRate = incident ? series.incidentErrorRate! : series.errorRate;
  const cell = emptyDemoCell();
  for (let i = 0; i < calls; i++) {
    const value = Math.round(median * Math.exp(series.sigma * normal(next)) * 1000) / 1000;
    cell.count += 1;
    cell.sum += value;
    cell.min = Math.min(cell.min, value);
    cell.max = Math.max(cell.max, value);
    addToSketch(cell.sketch, value);
    if (next() < errorRate) {
      cell.errors += 1;
      cell.lastErrorClass = incident ? 'TimeoutError' : series.errorClass;
    }
  }
  return cell;
}

/** A minute as the rollup job makes it: the six 10-second buckets merged. */
export function demoMinute(series: DemoLatencySeries, start: number): DemoCell {
  const cell = emptyDemoCell();
  for (let offset = 0; offset < MINUTE_MS; offset += RAW_BUCKET_MS) mergeDemoCells(cell, demoTenSeconds(series, start + offset));
  return cell;
}

const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);

function normalCdf(x: number): number {
  // Abramowitz–Stegun 7.1.26; plenty for demo data.
  const t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.SQRT2);
  const y = 1 - ((((1.061405429 * t - 1.453152073) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** `calls` log-normal latencies spread over sketch buckets by their probability (no sampling). */
function lognormalCell(calls: number, median: number, sigma: number): DemoCell {
  const cell = emptyDemoCell();
  if (calls <= 0) return cell;
  const mu = Math.log(median);
  const lo = Math.floor((mu - 4 * sigma) / LOG_GAMMA);
  const hi = Math.ceil((mu + 4 * sigma) / LOG_GAMMA);
  const shares: Array<{ key: number; exact: number }> = [];
  for (let key = lo; key <= hi; key++) {
    // Bucket `key` holds values in (γ^(key-1), γ^key].
    const p = normalCdf((key * LOG_GAMMA - mu) / sigma) - normalCdf(((key - 1) * LOG_GAMMA - mu) / sigma);
    shares.push({ key, exact: p * calls });
  }
  const total = shares.reduce((sum, share) => sum + share.exact, 0);
  // Largest remainder, so the counts add up to exactly `calls`.
  const counts = shares.map((share) => ({ key: share.key, n: Math.floor((share.exact / total) * calls), rest: ((share.exact / total) * calls) % 1 }));
  let left = calls - counts.reduce((sum, c) => sum + c.n, 0);
  for (const c of [...counts].sort((a, b) => b.rest - a.rest || a.key - b.key)) {
    if (left <= 0) break;
    c.n += 1;
    left -= 1;
  }
  for (const { key, n } of counts) {
    if (n === 0) continue;
    const value = (2 * Math.pow(GAMMA, key)) / (GAMMA + 1);
    cell.sketch[String(key)] = n;
    cell.count += n;
    cell.sum += n * value;
    cell.min = Math.min(cell.min, value);
    cell.max = Math.max(cell.max, value);
  }
  return cell;
}

/**
 * An hour computed directly from the distributions (older hours, which have no minute rows
 * in the demo): the expected calls, errors rounded, latencies spread by probability.
 */
export function demoHourDirect(series: DemoLatencySeries, start: number): DemoCell {
  const cell = emptyDemoCell();
  for (let part = 0; part < 3; part++) {
    // Thirds of the hour, so the 14:00–14:20 incident is its own part.
    const partStart = start + part * 20 * MINUTE_MS;
    const incident = series.incidentErrorRate !== undefined && inIncident(partStart);
    const calls = series.everyMinutes
      ? 20 / series.everyMinutes
      : Math.round(series.callsPerMinute * 20 * dailyWave(partStart + 10 * MINUTE_MS));
    const piece = lognormalCell(calls, incident ? series.medianMs * 4 : series.medianMs, series.sigma);
    piece.errors = Math.round(calls * (incident ? series.incidentErrorRate! : series.errorRate));
    if (piece.errors > 0) piece.lastErrorClass = incident ? 'TimeoutError' : series.errorClass;
    mergeDemoCells(cell, piece);
  }
  return cell;
}

// --- gauges ------------------------------------------------------------------------------

function jitter(name: string, at: number, size: number): number {
  return (random(`${name}|${at}`)() - 0.5) * 2 * size;
}

export const DEMO_GAUGES: readonly DemoGauge[] = [
  { metricType: 'memory_usage', endpoint: 'process:rss', every: 'process', value: (at) => Math.round(190e6 + 25e6 * Math.sin((2 * Math.PI * at) / (6 * HOUR_MS)) + jitter('rss', at, 3e6)) },
  { metricType: 'memory_usage', endpoint: 'process:heap_used', every: 'process', value: (at) => Math.round(96e6 + 14e6 * Math.sin((2 * Math.PI * at) / (6 * HOUR_MS)) + jitter('heap', at, 2e6)) },
  { metricType: 'cpu_usage', endpoint: 'process', every: 'process', value: (at) => round3(Math.max(0.5, 7 * dailyWave(at) + jitter('cpu', at, 1.5))) },
  { metricType: 'event_loop_lag', endpoint: 'process', every: 'process', value: (at) => round3(2.2 + jitter('lag', at, 0.6)) },
  { metricType: 'db_query_time', endpoint: 'db:round_trip', every: 'db', value: (at, kind) => round3((kind === 'postgres' ? 1.1 : 0.35) + jitter('rt', at, 0.15)) },
  { metricType: 'db_connections', endpoint: 'db:active', every: 'db', postgresOnly: true, value: (at) => Math.round(2 + dailyWave(at) + jitter('act', at, 0.5)) },
  { metricType: 'db_connections', endpoint: 'db:idle', every: 'db', postgresOnly: true, value: (at) => Math.round(4 + jitter('idle', at, 1.4)) },
  { metricType: 'db_connections', endpoint: 'db:total', every: 'db', postgresOnly: true, value: (at) => Math.round(2 + dailyWave(at) + jitter('act', at, 0.5)) + Math.round(4 + jitter('idle', at, 1.4)) },
  { metricType: 'db_connections', endpoint: 'db:max', every: 'db', postgresOnly: true, value: () => 10 },
  { metricType: 'db_stat', endpoint: 'cache_hit_ratio', every: 'db', postgresOnly: true, value: (at) => round3(0.996 + jitter('chr', at, 0.003)) },
  { metricType: 'db_stat', endpoint: 'xact_commit_per_s', every: 'db', postgresOnly: true, value: (at) => round3(12 * dailyWave(at) + jitter('xc', at, 2)) },
  { metricType: 'db_stat', endpoint: 'xact_rollback_per_s', every: 'db', postgresOnly: true, value: (at) => round3(Math.max(0, 0.05 + jitter('xr', at, 0.05))) },
  { metricType: 'db_stat', endpoint: 'deadlocks', every: 'db', postgresOnly: true, value: (at) => (at % DAY_MS === 14 * HOUR_MS + 5 * MINUTE_MS ? 1 : 0) },
  { metricType: 'db_stat', endpoint: 'db_size_bytes', every: 'db', postgresOnly: true, value: (at) => Math.round(48e6 + (600e3 * (at % (30 * DAY_MS))) / DAY_MS) },
];

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The samples of a gauge in [start, start + span), one per its interval. */
export function gaugeSamples(gauge: DemoGauge, start: number, span: number, kind: DemoDatabaseKind): number[] {
  const every = gauge.every === 'process' ? RAW_BUCKET_MS : MINUTE_MS;
  const out: number[] = [];
  for (let at = start; at < start + span; at += every) out.push(gauge.value(at, kind));
  return out;
}

export function gaugesFor(kind: DemoDatabaseKind): DemoGauge[] {
  return DEMO_GAUGES.filter((gauge) => kind === 'postgres' || !gauge.postgresOnly);
}
