import type { MonitorStatusRow } from '../monitors/queries';
import type { DatabaseKind } from '../../db/types';
import type { RangeKey, Source } from './ranges';

/** A figure of the chosen period and of the period of the same length before it. */
export interface Comparison {
  current: number | null;
  previous: number | null;
}

/** One chart point: the requests (routes and server actions) of one step. */
export interface SeriesPoint {
  /** Step start, ms since the epoch. */
  at: number;
  count: number;
  errors: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** errors / count, 0..1; null without requests. */
  errorRate: number | null;
  /** Requests per second over the part of the step that has passed. */
  throughput: number | null;
}

export type EndpointKind = 'route' | 'action' | 'job' | 'other';

export interface EndpointRow {
  metricType: string;
  endpoint: string;
  kind: EndpointKind;
  calls: number;
  errors: number;
  errorRate: number | null;
  meanMs: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** `exact`: the 10-second bucket is known; otherwise only the rollup bucket (minute or hour). */
  lastError: { at: number; exact: boolean; className: string | null } | null;
}

/** A database figure, or why there is none. */
export type Reading =
  | { state: 'value'; value: number; at?: number }
  /** The embedded database (PGlite) cannot answer it. */
  | { state: 'unavailable' }
  | { state: 'none' };

export interface DatabasePanel {
  kind: DatabaseKind;
  roundTripAvgMs: Reading;
  roundTripLatestMs: Reading;
  activeConnections: Reading;
  idleConnections: Reading;
  totalConnections: Reading;
  maxConnections: Reading;
  /** Average of the per-minute ratios over the period, 0..1. */
  cacheHitRatio: Reading;
  commitsPerS: Reading;
  rollbacksPerS: Reading;
  /** Deadlocks detected during the period. */
  deadlocks: Reading;
  sizeBytes: Reading;
}

export interface HealthDashboard {
  range: RangeKey;
  generatedAt: number;
  stepMs: number;
  current: { from: number; to: number };
  previous: { from: number; to: number };
  /** The tables this view was read from, coarsest first. */
  sources: Source[];
  /** False until anything at all was recorded: the honest empty state. */
  hasAnyMetrics: boolean;
  tiles: {
    p95LatencyMs: Comparison;
    /** 0..1 */
    errorRate: Comparison;
    throughputPerS: Comparison;
    /** 0..1, check-weighted over all monitors. */
    uptime: Comparison;
    dbRoundTripMs: Comparison;
    /** Average per instance. */
    memoryRssBytes: Comparison;
    /** Percent of one core, average per instance. */
    cpuPercent: Comparison;
  };
  series: SeriesPoint[];
  endpoints: EndpointRow[];
  database: DatabasePanel;
  monitors: MonitorStatusRow[];
}
