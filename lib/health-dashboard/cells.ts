import { addToSketch, mergeSketches, sketchPercentiles, type SketchCounts } from '../metrics/sketch';

/** Where a last error is known from: a rollup knows only its bucket, a raw row its 10 s. */
export interface LastError {
  at: number;
  /** Width of the bucket the error was seen in (exact time within it unknown). */
  granularityMs: number;
  className: string | null;
}

/**
 * Counts of one latency series (a route, action or job) over some span: what a rollup row or
 * an aggregated raw row holds, and what merging several of them gives.
 */
export interface Cell {
  count: number;
  errors: number;
  sum: number;
  min: number;
  max: number;
  sketch: SketchCounts;
  lastError: LastError | null;
}

export function emptyCell(): Cell {
  return { count: 0, errors: 0, sum: 0, min: Infinity, max: -Infinity, sketch: {}, lastError: null };
}

function laterError(a: LastError | null, b: LastError | null): LastError | null {
  if (!a) return b;
  if (!b) return a;
  if (b.at + b.granularityMs !== a.at + a.granularityMs) return b.at + b.granularityMs > a.at + a.granularityMs ? b : a;
  // Same end: the finer one says more.
  return b.granularityMs < a.granularityMs || (b.granularityMs === a.granularityMs && !a.className) ? b : a;
}

/** Adds `source` into `target` (sketches merge by adding counts) and returns `target`. */
export function mergeCell(target: Cell, source: Cell): Cell {
  target.count += source.count;
  target.errors += source.errors;
  target.sum += source.sum;
  target.min = Math.min(target.min, source.min);
  target.max = Math.max(target.max, source.max);
  mergeSketches(target.sketch, source.sketch);
  target.lastError = laterError(target.lastError, source.lastError);
  return target;
}

export function cloneCell(cell: Cell): Cell {
  return mergeCell(emptyCell(), cell);
}

/** One row as read from any tier, before it becomes a Cell. */
export interface TierRow {
  metricType: string;
  endpoint: string;
  /** Bucket start (rollups) or recorded_at (raw), ms since the epoch. */
  at: number;
  granularityMs: number;
  count: number;
  errors: number;
  sum: number;
  min: number;
  max: number;
  /** The merged sketch, or null for a plain point (one observation of `sum`). */
  sketch: SketchCounts | null;
  lastErrorClass: string | null;
}

/** A row as a Cell. Takes over `row.sketch` (no copy: rows are read fresh for each load). */
export function cellOfRow(row: TierRow): Cell {
  let sketch = row.sketch;
  if (!sketch) {
    // A plain point (an outside service's value, no counts) is one observation of its value.
    sketch = {};
    addToSketch(sketch, row.sum, Math.max(1, row.count));
  }
  return {
    count: row.count,
    errors: row.errors,
    sum: row.sum,
    min: row.min,
    max: row.max,
    sketch,
    lastError: row.errors > 0 ? { at: row.at, granularityMs: row.granularityMs, className: row.lastErrorClass } : null,
  };
}

export interface CellSummary {
  count: number;
  errors: number;
  /** errors / count, 0..1; null without calls. */
  errorRate: number | null;
  meanMs: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export function summarize(cell: Cell): CellSummary {
  const { p50, p95, p99 } = sketchPercentiles(cell.sketch);
  return {
    count: cell.count,
    errors: cell.errors,
    errorRate: cell.count > 0 ? cell.errors / cell.count : null,
    meanMs: cell.count > 0 ? cell.sum / cell.count : null,
    p50,
    p95,
    p99,
  };
}

/** Cells of many series, keyed by metric type and endpoint. */
export type CellMap = Map<string, { metricType: string; endpoint: string; cell: Cell }>;

export function seriesId(metricType: string, endpoint: string): string {
  return `${metricType}\u0000${endpoint}`;
}

/**
 * Adds a cell into the map's cell of its series. `owned`: the caller hands the cell over (it is
 * not shared with anything), so the first one of a series is kept as it is instead of copied.
 */
export function addToMap(map: CellMap, metricType: string, endpoint: string, cell: Cell, owned = false): void {
  const id = seriesId(metricType, endpoint);
  const entry = map.get(id);
  if (entry) mergeCell(entry.cell, cell);
  else map.set(id, { metricType, endpoint, cell: owned ? cell : cloneCell(cell) });
}

export function sketchSize(map: CellMap): number {
  let keys = 0;
  for (const { cell } of map.values()) keys += Object.keys(cell.sketch).length;
  return keys;
}
