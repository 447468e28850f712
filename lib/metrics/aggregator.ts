import { isErrorStatus, type Measurement } from './instrument';
import { addToSketch, mergeSketches, sketchPercentiles, type SketchCounts } from './sketch';
import { metricSeries, seriesKey, type MetricRow } from './rows';
import { insertMetricRows } from './write';
import type { DbOrTx } from '../../db/types';

export const BUCKET_SECONDS = 10;
/** Rows kept for the next try when flushes fail (about 4 hours of 30 busy endpoints). */
export const DEFAULT_MAX_PENDING_ROWS = 50_000;
/** Distinct series in one bucket before new names are counted under OVERFLOW_ENDPOINT. */
export const DEFAULT_MAX_SERIES = 2_000;
export const OVERFLOW_ENDPOINT = '(other)';
/** Window of the latency quantiles /api/metrics reports. */
const RECENT_MS = 60_000;

interface Bucket {
  metricType: string;
  endpoint: string;
  start: number;
  count: number;
  errors: number;
  sum: number;
  min: number;
  max: number;
  sketch: SketchCounts;
  statuses: Record<string, number>;
  lastErrorClass?: string;
}

/** Per series since the process started, plus the sketches of the last minute (for /api/metrics). */
export interface SeriesSnapshot {
  metricType: string;
  endpoint: string;
  count: number;
  errors: number;
  sumMs: number;
  recentSketch: SketchCounts;
}

export interface AggregatorSnapshot {
  series: SeriesSnapshot[];
  droppedRowsTotal: number;
  pendingRows: number;
}

export interface FlushResult {
  written: number;
  /** Rows kept for the next try after a failure. */
  kept: number;
  error?: unknown;
}

export interface AggregatorOptions {
  /** Milliseconds since the epoch; injectable so tests control bucket boundaries. */
  now?: () => number;
  instance: string;
  maxPendingRows?: number;
  maxSeries?: number;
  logger?: Pick<Console, 'warn'>;
}

/**
 * The in-memory aggregator behind measure(): per (metric type, endpoint, 10-second bucket) it
 * keeps count, errors, sum, min, max, a latency sketch, statuses and the last error class.
 * Nothing touches the database on the request path; flush() writes every closed bucket (and
 * the process and database samples queued with enqueue()) in one multi-row insert.
 *
 * A failed flush keeps its rows for the next try, bounded by maxPendingRows: the oldest are
 * dropped first, counted, logged, written as a 'metrics_dropped' point by the next successful
 * flush and exposed on /api/metrics.
 */
export class MetricsAggregator {
  readonly instance: string;
  private readonly now: () => number;
  private readonly maxPendingRows: number;
  private readonly maxSeries: number;
  private readonly logger: Pick<Console, 'warn'>;
  private readonly bucketMs = BUCKET_SECONDS * 1000;
  private open = new Map<string, Bucket>();
  private openSeries = new Map<number, number>();
  private pending: MetricRow[] = [];
  private droppedSinceWritten = 0;
  private droppedTotal = 0;
  private readonly totals = new Map<string, { metricType: string; endpoint: string; count: number; errors: number; sum: number }>();
  private readonly recent = new Map<string, { start: number; sketch: SketchCounts }[]>();
  private flushing: Promise<FlushResult> | undefined;

  constructor(options: AggregatorOptions) {
    this.instance = options.instance;
    this.now = options.now ?? Date.now;
    this.maxPendingRows = options.maxPendingRows ?? DEFAULT_MAX_PENDING_ROWS;
    this.maxSeries = options.maxSeries ?? DEFAULT_MAX_SERIES;
    this.logger = options.logger ?? console;
  }

  /** The measurement sink (an arrow function, so it can be handed to setMeasurementSink). */
  readonly record = (measurement: Measurement): void => {
    const { metricType } = metricSeries(measurement);
    let { endpoint } = metricSeries(measurement);
    const now = this.now();
    const start = Math.floor(now / this.bucketMs) * this.bucketMs;
    let key = seriesKey(metricType, endpoint, start);
    let bucket = this.open.get(key);
    if (!bucket && (this.openSeries.get(start) ?? 0) >= this.maxSeries) {
      // Route names are patterns, so this only trips on a bug (an id in a name); keep the
      // counts under one name rather than growing without bound.
      endpoint = OVERFLOW_ENDPOINT;
      key = seriesKey(metricType, endpoint, start);
      bucket = this.open.get(key);
    }
    if (!bucket) {
      bucket = { metricType, endpoint, start, count: 0, errors: 0, sum: 0, min: Infinity, max: -Infinity, sketch: {}, statuses: {} };
      this.open.set(key, bucket);
      this.openSeries.set(start, (this.openSeries.get(start) ?? 0) + 1);
    }
    const duration = Math.max(0, measurement.durationMs);
    const failed = isErrorStatus(measurement.status);
    bucket.count += 1;
    bucket.sum += duration;
    bucket.min = Math.min(bucket.min, duration);
    bucket.max = Math.max(bucket.max, duration);
    addToSketch(bucket.sketch, duration);
    const status = String(measurement.status);
    bucket.statuses[status] = (bucket.statuses[status] ?? 0) + 1;
    if (failed) {
      bucket.errors += 1;
      bucket.lastErrorClass = measurement.errorClass ?? (typeof measurement.status === 'number' ? `HTTP ${measurement.status}` : 'Error');
    }
    const totalsKey = seriesKey(metricType, endpoint);
    const totals = this.totals.get(totalsKey) ?? { metricType, endpoint, count: 0, errors: 0, sum: 0 };
    totals.count += 1;
    totals.sum += duration;
    if (failed) totals.errors += 1;
    this.totals.set(totalsKey, totals);
  };

  /** Queues plain rows (process and database samples) for the next flush. */
  enqueue(rows: readonly MetricRow[]): void {
    this.pending.push(...rows);
    this.enforceBound();
  }

  /** Turns every bucket whose 10 seconds are over (all of them when `all`) into a pending row. */
  closeBuckets(all = false): void {
    const now = this.now();
    const closed: MetricRow[] = [];
    for (const [key, bucket] of this.open) {
      if (!all && bucket.start + this.bucketMs > now) continue;
      this.open.delete(key);
      const left = (this.openSeries.get(bucket.start) ?? 1) - 1;
      if (left > 0) this.openSeries.set(bucket.start, left);
      else this.openSeries.delete(bucket.start);
      closed.push(this.toRow(bucket));
      this.remember(bucket);
    }
    closed.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
    this.enqueue(closed);
  }

  /**
   * Writes every closed bucket and queued sample in one insert. `final` (graceful shutdown)
   * also closes the bucket in progress. Concurrent calls share one flush.
   */
  flush(db: DbOrTx, { final = false }: { final?: boolean } = {}): Promise<FlushResult> {
    if (this.flushing) {
      // A final flush must not return early with a periodic one that did not include the open bucket.
      return final ? this.flushing.then(() => this.flush(db, { final })) : this.flushing;
    }
    this.flushing = this.flushOnce(db, final).finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  snapshot(): AggregatorSnapshot {
    const since = this.now() - RECENT_MS;
    const recentOpen = new Map<string, SketchCounts>();
    for (const bucket of this.open.values()) {
      const key = seriesKey(bucket.metricType, bucket.endpoint);
      recentOpen.set(key, mergeSketches(recentOpen.get(key) ?? {}, bucket.sketch));
    }
    const series = [...this.totals.entries()].map(([key, totals]) => {
      const recentSketch: SketchCounts = {};
      for (const entry of this.recent.get(key) ?? []) if (entry.start >= since) mergeSketches(recentSketch, entry.sketch);
      mergeSketches(recentSketch, recentOpen.get(key));
      return { metricType: totals.metricType, endpoint: totals.endpoint, count: totals.count, errors: totals.errors, sumMs: totals.sum, recentSketch };
    });
    return { series, droppedRowsTotal: this.droppedTotal, pendingRows: this.pending.length };
  }

  private async flushOnce(db: DbOrTx, final: boolean): Promise<FlushResult> {
    this.closeBuckets(final);
    const batch = this.pending.splice(0);
    const dropped = this.droppedSinceWritten;
    if (dropped > 0) {
      batch.push({ metricType: 'metrics_dropped', endpoint: null, metricValue: dropped, recordedAt: new Date(this.now()), metadata: { instance: this.instance } });
    }
    if (batch.length === 0) return { written: 0, kept: 0 };
    try {
      await insertMetricRows(db, batch);
      this.droppedSinceWritten -= dropped;
      return { written: batch.length, kept: 0 };
    } catch (error) {
      // The drop report is rebuilt on the next try from the counter, so it is not kept twice.
      const kept = dropped > 0 ? batch.slice(0, -1) : batch;
      this.pending = kept.concat(this.pending);
      this.enforceBound();
      const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      this.logger.warn(`[metrics] flush failed (${reason}); keeping ${this.pending.length} rows for the next try`);
      return { written: 0, kept: this.pending.length, error };
    }
  }

  private enforceBound(): void {
    const excess = this.pending.length - this.maxPendingRows;
    if (excess <= 0) return;
    // Oldest first: the queue is in time order (kept rows go back in front).
    this.pending.splice(0, excess);
    this.droppedSinceWritten += excess;
    this.droppedTotal += excess;
    this.logger.warn(
      `[metrics] dropped the ${excess} oldest metric rows: more than ${this.maxPendingRows} waiting for the database (${this.droppedTotal} dropped since start)`,
    );
  }

  private toRow(bucket: Bucket): MetricRow {
    const { p50, p95, p99 } = sketchPercentiles(bucket.sketch);
    return {
      metricType: bucket.metricType,
      endpoint: bucket.endpoint,
      metricValue: bucket.sum / bucket.count,
      recordedAt: new Date(bucket.start),
      metadata: {
        agg: 1,
        bucketSeconds: BUCKET_SECONDS,
        count: bucket.count,
        errors: bucket.errors,
        sum: bucket.sum,
        min: bucket.min,
        max: bucket.max,
        p50,
        p95,
        p99,
        sketch: bucket.sketch,
        statuses: bucket.statuses,
        ...(bucket.lastErrorClass ? { lastErrorClass: bucket.lastErrorClass } : {}),
        instance: this.instance,
      },
    };
  }

  private remember(bucket: Bucket): void {
    const key = seriesKey(bucket.metricType, bucket.endpoint);
    const since = this.now() - RECENT_MS;
    const list = (this.recent.get(key) ?? []).filter((entry) => entry.start >= since);
    list.push({ start: bucket.start, sketch: bucket.sketch });
    this.recent.set(key, list);
  }
}
