import type { DatabaseKind } from '../../db/types';
import { addToMap, emptyCell, mergeCell, summarize, type Cell, type CellMap, type CellSummary } from './cells';
import type { GaugeName, GaugeStats } from './queries';
import { RAW_BUCKET_MS } from './ranges';
import type { DatabasePanel, EndpointKind, EndpointRow, Reading, SeriesPoint } from './types';

/** Requests: routes and server actions (and outside services reporting the same type). */
export const REQUEST_TYPE = 'api_response_time';

export function endpointKind(metricType: string, endpoint: string): EndpointKind {
  if (metricType === 'job_duration') return 'job';
  if (endpoint.startsWith('action:')) return 'action';
  if (/^[A-Z]+ \//.test(endpoint)) return 'route';
  return 'other';
}

/** All request cells of some steps merged into one. */
export function mergeRequests(stepCells: Iterable<CellMap>): Cell {
  const total = emptyCell();
  for (const cells of stepCells) {
    for (const { metricType, cell } of cells.values()) if (metricType === REQUEST_TYPE) mergeCell(total, cell);
  }
  return total;
}

/** Every series of some steps merged per series. */
export function mergeSeries(stepCells: Iterable<CellMap>): CellMap {
  const out: CellMap = new Map();
  for (const cells of stepCells) {
    for (const { metricType, endpoint, cell } of cells.values()) addToMap(out, metricType, endpoint, cell);
  }
  return out;
}

/**
 * How much of a step has passed, for per-second rates: a closed step counts whole; the open
 * one up to the last 10-second bucket that can have been flushed.
 */
export function elapsedMs(stepStart: number, stepMs: number, now: number): number {
  const flushed = Math.floor(now / RAW_BUCKET_MS) * RAW_BUCKET_MS;
  return Math.min(stepMs, Math.max(0, flushed - stepStart));
}

/** One chart point per step, from each step's merged request cell and its summary. */
export function buildSeries(
  steps: readonly number[],
  stepMs: number,
  now: number,
  stepOf: (step: number) => { requests: Cell; summary: CellSummary } | undefined,
): SeriesPoint[] {
  return steps.map((at) => {
    const step = stepOf(at);
    const count = step?.requests.count ?? 0;
    const elapsed = elapsedMs(at, stepMs, now);
    return {
      at,
      count,
      errors: step?.requests.errors ?? 0,
      p50: step?.summary.p50 ?? null,
      p95: step?.summary.p95 ?? null,
      p99: step?.summary.p99 ?? null,
      errorRate: step?.summary.errorRate ?? null,
      throughput: elapsed > 0 ? count / (elapsed / 1000) : null,
    };
  });
}

const KIND_ORDER: Record<EndpointKind, number> = { route: 0, action: 1, job: 2, other: 3 };

export function buildEndpoints(cells: CellMap, resolved: Map<string, { at: number; exact: boolean; className: string | null }>): EndpointRow[] {
  const rows: EndpointRow[] = [];
  for (const [id, { metricType, endpoint, cell }] of cells) {
    if (cell.count <= 0) continue;
    const summary = summarize(cell);
    let lastError: EndpointRow['lastError'] = null;
    if (cell.lastError) {
      const narrowed = resolved.get(id);
      lastError = narrowed
        ? { at: narrowed.at, exact: narrowed.exact, className: narrowed.className ?? cell.lastError.className }
        : { at: cell.lastError.at, exact: cell.lastError.granularityMs <= RAW_BUCKET_MS, className: cell.lastError.className };
    }
    rows.push({
      metricType,
      endpoint,
      kind: endpointKind(metricType, endpoint),
      calls: cell.count,
      errors: cell.errors,
      errorRate: summary.errorRate,
      meanMs: summary.meanMs,
      p50: summary.p50,
      p95: summary.p95,
      p99: summary.p99,
      lastError,
    });
  }
  // Routes, then actions, jobs and outside series; busiest first within each.
  return rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.calls - a.calls || a.endpoint.localeCompare(b.endpoint));
}

export function average(stats: GaugeStats | undefined): number | null {
  return stats && stats.count > 0 ? stats.sum / stats.count : null;
}

const EMBEDDED_UNANSWERABLE: ReadonlySet<GaugeName> = new Set([
  'dbActive',
  'dbIdle',
  'dbTotal',
  'dbMax',
  'cacheHitRatio',
  'commitsPerS',
  'rollbacksPerS',
  'deadlocks',
  'dbSizeBytes',
]);

export function buildDatabasePanel(
  kind: DatabaseKind,
  stats: Map<GaugeName, GaugeStats>,
  latest: Map<GaugeName, { value: number; at: number }>,
): DatabasePanel {
  const missing = (name: GaugeName): Reading => (kind === 'pglite' && EMBEDDED_UNANSWERABLE.has(name) ? { state: 'unavailable' } : { state: 'none' });
  const avg = (name: GaugeName): Reading => {
    const value = average(stats.get(name));
    return value === null ? missing(name) : { state: 'value', value };
  };
  const last = (name: GaugeName): Reading => {
    const point = latest.get(name);
    return point ? { state: 'value', value: point.value, at: point.at } : missing(name);
  };
  const total = (name: GaugeName): Reading => {
    const value = stats.get(name);
    return value ? { state: 'value', value: value.sum } : missing(name);
  };
  return {
    kind,
    roundTripAvgMs: avg('dbRoundTrip'),
    roundTripLatestMs: last('dbRoundTrip'),
    activeConnections: last('dbActive'),
    idleConnections: last('dbIdle'),
    totalConnections: last('dbTotal'),
    maxConnections: last('dbMax'),
    cacheHitRatio: avg('cacheHitRatio'),
    commitsPerS: avg('commitsPerS'),
    rollbacksPerS: avg('rollbacksPerS'),
    deadlocks: total('deadlocks'),
    sizeBytes: last('dbSizeBytes'),
  };
}
