import type { DatabaseKind, DbOrTx } from '../../db/types';
import { MINUTE_LATENESS_MS, RAW_LATENESS_MS } from '../metrics/rollup';
import { listMonitorStatus } from '../monitors/queries';
import { average, buildDatabasePanel, buildEndpoints, buildSeries, elapsedMs, mergeRequests, mergeSeries } from './assemble';
import { addToMap, cellOfRow, cloneCell, emptyCell, mergeCell, summarize, type CellMap } from './cells';
import { hasAnyMetrics, readGaugeStats, readLatencyRows, readLatestGauges, readUptime, resolveLastErrors, rollupBoundaries } from './queries';
import { DAY_MS, planWindow, previousSteps, RAW_BUCKET_MS, tierSpans, TIERS, type Boundaries, type RangeKey, type Source } from './ranges';
import { StepCache, type RunData, type StepData } from './step-cache';
import type { HealthDashboard } from './types';

export interface LoadDashboardOptions {
  range: RangeKey;
  databaseKind: DatabaseKind;
  now?: Date;
  /** Closed steps already merged (see StepCache); none: read everything. */
  cache?: StepCache;
  /** Baseline for the benchmark: ignore the rollups and aggregate production_metrics. */
  rawOnly?: boolean;
}

/**
 * How far back the rollup job recomputes its newest buckets on every run, for points that
 * arrive late. Buckets older than that are final, which is what makes caching a closed step safe.
 */
// A 6-hour bucket or a day is rewritten while its last hours still change, which is
// MINUTE_LATENESS_MS after it ends; its boundary never runs ahead of the hourly table's, so
// boundary - MINUTE_LATENESS_MS is safe for both and leaves only the newest bucket open. Days
// keep the more cautious DAY_MS (the same steps closed: a day step ends on the boundary);
// DAY_MS for 6-hour buckets would needlessly leave the last four 7-day steps uncached.
export const RECOMPUTED_MS = { '1m': RAW_LATENESS_MS, '1h': MINUTE_LATENESS_MS, '6h': MINUTE_LATENESS_MS, '1d': DAY_MS } as const;

function toStepData(cells: CellMap): StepData {
  const requests = mergeRequests([cells]);
  return { cells, requests, summary: summarize(requests) };
}

interface StepRead {
  data: Map<number, StepData>;
  sources: Set<Source>;
  /** Steps that will not change any more (a prefix of the steps). */
  isClosed: (start: number) => boolean;
}

/**
 * The latency cells of each step in `steps` (contiguous, oldest first), read tier by tier.
 * Closed steps come from the cache when it has them and go into it when read.
 */
export async function readSteps(
  db: DbOrTx,
  args: { steps: readonly number[]; stepMs: number; now: number; coarsest: Source; boundaries: Boundaries; cache?: StepCache },
): Promise<StepRead> {
  const { steps, stepMs, now, coarsest, boundaries, cache } = args;
  const boundary = coarsest === 'raw' ? null : boundaries[coarsest];
  // Final: wholly in the coarsest table and older than the stretch the rollup job recomputes.
  const closedBefore = boundary === null || coarsest === 'raw' ? null : boundary - RECOMPUTED_MS[coarsest];
  const isClosed = (start: number) => closedBefore !== null && start + stepMs <= closedBefore;
  const data = new Map<number, StepData>();
  const read = new Map<number, CellMap>();
  const sources = new Set<Source>();
  for (const start of steps) {
    const cached = cache && isClosed(start) ? cache.getStep(StepCache.key(coarsest, stepMs, start)) : undefined;
    if (cached) {
      data.set(start, cached);
      sources.add(coarsest);
    } else {
      read.set(start, new Map());
    }
  }
  // Contiguous runs of missing steps, each read as one span per tier.
  const runs: Array<{ from: number; to: number }> = [];
  for (const start of read.keys()) {
    const run = runs[runs.length - 1];
    if (run && run.to === start) run.to = start + stepMs;
    else runs.push({ from: start, to: start + stepMs });
  }
  const spans = runs.flatMap((run) => tierSpans({ from: run.from, to: Math.min(run.to, now) }, coarsest, boundaries));
  const results = await Promise.all(spans.map((span) => readLatencyRows(db, span.source, span.from, span.to)));
  spans.forEach((span) => sources.add(span.source));
  for (const rows of results) {
    for (const row of rows) {
      const target = read.get(Math.floor(row.at / stepMs) * stepMs);
      if (target) addToMap(target, row.metricType, row.endpoint, cellOfRow(row), true);
    }
  }
  for (const [start, cells] of read) {
    const step = toStepData(cells);
    data.set(start, step);
    if (cache && isClosed(start)) cache.setStep(StepCache.key(coarsest, stepMs, start), step);
  }
  return { data, sources, isClosed };
}

/**
 * Steps merged per series and into one request cell. The closed ones (a prefix) are merged
 * once and kept in the cache; only the open ones are added on every load.
 */
function mergeRun(steps: readonly number[], read: StepRead, key: (from: number, to: number) => string, cache?: StepCache): RunData {
  const closed = steps.filter(read.isClosed);
  const open = steps.filter((start) => !read.isClosed(start));
  let base: RunData | undefined;
  if (closed.length > 0) {
    const runKey = key(closed[0]!, closed[closed.length - 1]!);
    base = cache?.getRun(runKey);
    if (!base) {
      const cells = closed.map((start) => read.data.get(start)!);
      base = { perSeries: mergeSeries(cells.map((step) => step.cells)), requests: cells.reduce((total, step) => mergeCell(total, step.requests), emptyCell()) };
      cache?.setRun(runKey, base);
    }
  }
  const perSeries: CellMap = new Map();
  if (base) for (const { metricType, endpoint, cell } of base.perSeries.values()) addToMap(perSeries, metricType, endpoint, cell);
  const requests = base ? cloneCell(base.requests) : emptyCell();
  for (const start of open) {
    const step = read.data.get(start)!;
    for (const { metricType, endpoint, cell } of step.cells.values()) addToMap(perSeries, metricType, endpoint, cell);
    mergeCell(requests, step.requests);
  }
  return { perSeries, requests };
}

/**
 * Reads and caches the closed steps of a range (both periods) without loading anything else:
 * run after a page is sent (next/server after()), so switching to another range, or the first
 * refresh, does not wait for a month of hourly sketches. Does nothing when they are cached.
 */
export async function warmClosedSteps(db: DbOrTx, options: { range: RangeKey; now?: Date; cache: StepCache }): Promise<void> {
  // The page refreshes every 10 s: never two warm-ups of one range at a time.
  const busy = warming.get(options.cache) ?? new Set<RangeKey>();
  warming.set(options.cache, busy);
  if (busy.has(options.range)) return;
  busy.add(options.range);
  try {
    await warm(db, { ...options, now: options.now ?? new Date() });
  } finally {
    busy.delete(options.range);
  }
}

const warming = new WeakMap<StepCache, Set<RangeKey>>();

async function warm(db: DbOrTx, options: { range: RangeKey; now: Date; cache: StepCache }): Promise<void> {
  const now = options.now;
  const plan = planWindow(options.range, now);
  const boundaries = await rollupBoundaries(db);
  const boundary = boundaries[plan.coarsest];
  if (boundary === null) return;
  const closedBefore = boundary - RECOMPUTED_MS[plan.coarsest];
  const runKey = (from: number, to: number) => StepCache.runKey(plan.coarsest, plan.stepMs, from, to);
  for (const steps of [previousSteps(plan), plan.steps]) {
    const closed = steps.filter((start) => start + plan.stepMs <= closedBefore);
    if (closed.length === 0 || options.cache.getRun(runKey(closed[0]!, closed[closed.length - 1]!))) continue;
    const read = await readSteps(db, { steps: closed, stepMs: plan.stepMs, now: now.getTime(), coarsest: plan.coarsest, boundaries, cache: options.cache });
    mergeRun(closed, read, runKey, options.cache);
  }
}

/**
 * Everything the System health page shows for one range: headline figures against the
 * previous period of the same length, the request series, every endpoint and job, the
 * database and the monitors. Reads the coarsest rollup that answers the range plus the
 * not-yet-rolled tail (see tierSpans), so a request appears after one 10-second flush.
 */
export async function loadDashboard(db: DbOrTx, options: LoadDashboardOptions): Promise<HealthDashboard> {
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const plan = planWindow(options.range, now);
  const coarsest: Source = options.rawOnly ? 'raw' : plan.coarsest;
  const boundaries: Boundaries = options.rawOnly ? { '1m': null, '1h': null, '6h': null, '1d': null } : await rollupBoundaries(db);
  const prevSteps = previousSteps(plan);
  const cache = options.cache;

  const read = await readSteps(db, { steps: [...prevSteps, ...plan.steps], stepMs: plan.stepMs, now: nowMs, coarsest, boundaries, cache });
  const runKey = (from: number, to: number) => StepCache.runKey(coarsest, plan.stepMs, from, to);
  const current = mergeRun(plan.steps, read, runKey, cache);
  const previous = mergeRun(prevSteps, read, runKey, cache);

  const currentSpans = tierSpans({ from: plan.current.from.getTime(), to: nowMs }, coarsest, boundaries);
  const previousSpans = tierSpans({ from: plan.previous.from.getTime(), to: plan.previous.to.getTime() }, coarsest, boundaries);

  const toResolve = [...current.perSeries.values()]
    .filter(({ cell }) => cell.lastError && cell.lastError.granularityMs > RAW_BUCKET_MS)
    .map(({ metricType, endpoint, cell }) => ({
      metricType,
      endpoint,
      from: cell.lastError!.at,
      to: cell.lastError!.at + cell.lastError!.granularityMs,
    }));

  const [resolved, gaugesNow, gaugesBefore, latest, uptimeNow, uptimeBefore, monitors, anyMetrics] = await Promise.all([
    resolveLastErrors(db, toResolve),
    readGaugeStats(db, currentSpans),
    readGaugeStats(db, previousSpans),
    readLatestGauges(db, nowMs),
    readUptime(db, plan.current.from.getTime(), nowMs),
    readUptime(db, plan.previous.from.getTime(), plan.previous.to.getTime()),
    listMonitorStatus(db, now),
    hasAnyMetrics(db),
  ]);

  const requestsNow = summarize(current.requests);
  const requestsBefore = summarize(previous.requests);
  const secondsNow = plan.steps.reduce((total, step) => total + elapsedMs(step, plan.stepMs, nowMs), 0) / 1000;
  const secondsBefore = (prevSteps.length * plan.stepMs) / 1000;
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

  return {
    range: options.range,
    generatedAt: nowMs,
    stepMs: plan.stepMs,
    current: { from: plan.current.from.getTime(), to: nowMs },
    previous: { from: plan.previous.from.getTime(), to: plan.previous.to.getTime() },
    sources: TIERS.filter((source) => read.sources.has(source) || currentSpans.some((span) => span.source === source)),
    hasAnyMetrics: anyMetrics,
    tiles: {
      p95LatencyMs: { current: requestsNow.p95, previous: requestsBefore.p95 },
      errorRate: { current: requestsNow.errorRate, previous: requestsBefore.errorRate },
      throughputPerS: { current: ratio(requestsNow.count, secondsNow), previous: ratio(requestsBefore.count, secondsBefore) },
      uptime: { current: ratio(uptimeNow.ok, uptimeNow.checks), previous: ratio(uptimeBefore.ok, uptimeBefore.checks) },
      dbRoundTripMs: { current: average(gaugesNow.get('dbRoundTrip')), previous: average(gaugesBefore.get('dbRoundTrip')) },
      memoryRssBytes: { current: average(gaugesNow.get('rss')), previous: average(gaugesBefore.get('rss')) },
      cpuPercent: { current: average(gaugesNow.get('cpu')), previous: average(gaugesBefore.get('cpu')) },
    },
    series: buildSeries(plan.steps, plan.stepMs, nowMs, (step) => read.data.get(step)),
    endpoints: buildEndpoints(current.perSeries, resolved),
    database: buildDatabasePanel(options.databaseKind, gaugesNow, latest),
    monitors,
  };
}
