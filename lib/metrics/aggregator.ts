import { isErrorStatus, type MeasuredKind, type MeasuredStatus, type Measurement } from './instrument';
import { bucketIndex, mergeSketches, sketchPercentiles, ZERO_KEY, type SketchCounts } from './sketch';
import { metricSeries, type MetricRow } from './rows';
import { insertMetricRows } from './write';
import type { DbOrTx } from '../../db/types';

export const BUCKET_SECONDS = 10;
/** Rows kept for the next try when flushes fail (about 4 hours of 30 busy endpoints). */
export const DEFAULT_MAX_PENDING_ROWS = 50_000;
/** Distinct names per process before new ones are counted under OVERFLOW_ENDPOINT. */
export const DEFAULT_MAX_SERIES = 2_000;
export const OVERFLOW_ENDPOINT = '(other)';
/** Window of the latency quantiles /api/metrics reports. */
const RECENT_MS = 60_000;

/** The bucket in progress of one series. Maps with numeric keys: the cheapest update per call. */
interface OpenBucket {
  start: number;
  count: number;
  errors: number;
  sum: number;
  min: number;
  max: number;
  sketch: Map<number | null, number>;
  statuses: Map<MeasuredStatus, number>;
  lastErrorClass?: string;
}

interface Series {
  metricType: string;
  endpoint: string;
  bucket?: OpenBucket;
  count: number;
  errors: number;
  sum: number;
  /** Closed buckets' sketches of about the last minute, for /api/metrics. */
  recent: { start: number; sketch: SketchCounts }[];
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
  // Looked up by kind, then by the measured name: no key strings built per call.
  private readonly series: Record<MeasuredKind, Map<string, Series>> = { route: new Map(), action: new Map(), job: new Map() };
  private seriesCount = 0;
  private closed: MetricRow[] = [];
  private pending: MetricRow[] = [];
  private droppedSinceWritten = 0;
  private droppedTotal = 0;
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
    const series = this.seriesFor(measurement);
    const now = this.now();
    let bucket = series.bucket;
    if (!bucket || now >= bucket.start + this.bucketMs || now < bucket.start) {
      if (bucket) this.retire(series, bucket);
      bucket = series.bucket = {
        start: Math.floor(now / this.bucketMs) * this.bucketMs,
        count: 0,
        errors: 0,
        sum: 0,
        min: Infinity,
        max: -Infinity,
        sketch: new Map(),
        statuses: new Map(),
      };
    }
    const duration = measurement.durationMs > 0 ? measurement.durationMs : 0;
    bucket.count += 1;
    bucket.sum += duration;
    if (duration < bucket.min) bucket.min = duration;
    if (duration > bucket.max) bucket.max = duration;
    const index = bucketIndex(duration);
    bucket.sketch.set(index, (bucket.sketch.get(index) ?? 0) + 1);
    bucket.statuses.set(measurement.status, (bucket.statuses.get(measurement.status) ?? 0) + 1);
    series.count += 1;
    series.sum += duration;
    if (isErrorStatus(measurement.status)) {
      bucket.errors += 1;
      series.errors += 1;
      bucket.lastErrorClass = measurement.errorClass ?? (typeof measurement.status === 'number' ? `HTTP ${measurement.status}` : 'Error');
    }
  };

  /** Queues plain rows (process and database samples) for the next flush. */
  enqueue(rows: readonly MetricRow[]): void {
    this.pending.push(...rows);
    this.enforceBound();
  }

  /** Turns every bucket whose 10 seconds are over (all of them when `all`) into a pending row. */
  closeBuckets(all = false): void {
    const now = this.now();
    for (const byName of Object.values(this.series)) {
      for (const series of byName.values()) {
        if (series.bucket && (all || series.bucket.start + this.bucketMs <= now)) {
          this.retire(series, series.bucket);
          series.bucket = undefined;
        }
      }
    }
    const closed = this.closed.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
    this.closed = [];
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
    const series: SeriesSnapshot[] = [];
    for (const byName of Object.values(this.series)) {
      for (const entry of byName.values()) {
        const recentSketch: SketchCounts = {};
        for (const recent of entry.recent) if (recent.start >= since) mergeSketches(recentSketch, recent.sketch);
        if (entry.bucket) mergeSketches(recentSketch, toSketchCounts(entry.bucket.sketch));
        series.push({ metricType: entry.metricType, endpoint: entry.endpoint, count: entry.count, errors: entry.errors, sumMs: entry.sum, recentSketch });
      }
    }
    return { series, droppedRowsTotal: this.droppedTotal, pendingRows: this.pending.length };
  }

  private seriesFor(measurement: Measurement): Series {
    const byName = this.series[measurement.kind];
    let series = byName.get(measurement.name);
    if (series) return series;
    // Route names are patterns, so this only trips on a bug (an id in a name); keep the
    // counts under one name rather than growing without bound.
    const name = this.seriesCount >= this.maxSeries ? OVERFLOW_ENDPOINT : measurement.name;
    series = byName.get(name);
    if (!series) {
      series = { ...metricSeries({ kind: measurement.kind, name }), count: 0, errors: 0, sum: 0, recent: [] };
      byName.set(name, series);
      this.seriesCount += 1;
    }
    return series;
  }

  /** A finished bucket becomes a row (waiting for closeBuckets) and joins the recent window. */
  private retire(series: Series, bucket: OpenBucket): void {
    const sketch = toSketchCounts(bucket.sketch);
    this.closed.push(this.toRow(series, bucket, sketch));
    const since = this.now() - RECENT_MS;
    series.recent = series.recent.filter((entry) => entry.start >= since);
    series.recent.push({ start: bucket.start, sketch });
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

  private toRow(series: Series, bucket: OpenBucket, sketch: SketchCounts): MetricRow {
    const { p50, p95, p99 } = sketchPercentiles(sketch);
    return {
      metricType: series.metricType,
      endpoint: series.endpoint,
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
        sketch,
        statuses: Object.fromEntries([...bucket.statuses].map(([status, n]) => [String(status), n])),
        ...(bucket.lastErrorClass ? { lastErrorClass: bucket.lastErrorClass } : {}),
        instance: this.instance,
      },
    };
  }
}

function toSketchCounts(sketch: Map<number | null, number>): SketchCounts {
  const counts: SketchCounts = {};
  for (const [index, n] of sketch) counts[index === null ? ZERO_KEY : String(index)] = n;
  return counts;
}
