// Row builders for tests and the demo seed: rollup rows and aggregated raw rows in the shared
// metric format, from plain lists of latencies, so a test can say what it stores in numbers.
import { addToSketch, sketchPercentiles, type SketchCounts } from '../metrics/sketch';
import type { MetricRollup, ProductionMetric } from '../../db/schema';

export interface Observations {
  /** Latency (or gauge) values, one per call or sample. */
  values: readonly number[];
  errors?: number;
  lastErrorClass?: string;
}

export function sketchOf(values: readonly number[]): SketchCounts {
  const sketch: SketchCounts = {};
  for (const value of values) addToSketch(sketch, value);
  return sketch;
}

function stats(values: readonly number[]) {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    sum += value;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  return { count: values.length, sum, min, max };
}

export type RollupInsert = Omit<MetricRollup, 'metadata' | 'histogram' | 'p50' | 'p95' | 'p99' | 'errors'> &
  Partial<Pick<MetricRollup, 'metadata' | 'histogram' | 'p50' | 'p95' | 'p99' | 'errors'>>;

/** A metric_rollups_1m / _1h row holding these observations. */
export function rollupRow(metricType: string, endpoint: string, bucketStart: Date, obs: Observations): RollupInsert {
  const sketch = sketchOf(obs.values);
  return {
    metricType,
    endpoint,
    bucketStart,
    ...stats(obs.values),
    errors: obs.errors ?? 0,
    ...sketchPercentiles(sketch),
    histogram: sketch,
    metadata: obs.lastErrorClass ? { lastErrorClass: obs.lastErrorClass } : null,
  };
}

export type RawInsert = Omit<ProductionMetric, 'id'>;

/** One aggregated 10-second production_metrics row, as the aggregator flushes it. */
export function rawAggRow(metricType: string, endpoint: string, recordedAt: Date, obs: Observations, instance = 'test-1'): RawInsert {
  const sketch = sketchOf(obs.values);
  const { count, sum, min, max } = stats(obs.values);
  const errors = obs.errors ?? 0;
  return {
    metricType,
    endpoint,
    recordedAt,
    metricValue: count > 0 ? sum / count : 0,
    metadata: {
      agg: 1,
      bucketSeconds: 10,
      count,
      errors,
      sum,
      min,
      max,
      ...sketchPercentiles(sketch),
      sketch,
      statuses: errors > 0 ? { '200': count - errors, '500': errors } : { '200': count },
      ...(obs.lastErrorClass ? { lastErrorClass: obs.lastErrorClass } : {}),
      instance,
    },
  };
}

/** A plain sample (process, database or outside-service point). */
export function rawPoint(metricType: string, endpoint: string, recordedAt: Date, value: number, metadata: Record<string, unknown> = { instance: 'test-1' }): RawInsert {
  return { metricType, endpoint, recordedAt, metricValue: value, metadata };
}

/** `count` equal values. */
export function repeat(value: number, count: number): number[] {
  return Array.from({ length: count }, () => value);
}

/** 1, 2, ... n shifted to start at `from`. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
