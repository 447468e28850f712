import type { MetricRow } from './rows';
import { getAggregator, instanceId } from './runtime';

/**
 * Counts of events (refused requests, cache hits, store faults) per (metric type, endpoint),
 * turned into production_metrics rows: one row per series per 10-second bucket, queued on the
 * aggregator, so counting costs a Map update on the request path and never a database write.
 */
export class EventCounters {
  private counts = new Map<string, { metricType: string; endpoint: string; value: number; metadata: Record<string, unknown> }>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly sink: (rows: MetricRow[]) => void = (rows) => getAggregator().enqueue(rows)) {}

  add(metricType: string, endpoint: string, value = 1, metadata: Record<string, unknown> = {}): void {
    const key = `${metricType}\u0000${endpoint}`;
    const entry = this.counts.get(key);
    if (!entry) {
      this.counts.set(key, { metricType, endpoint, value, metadata: { ...metadata } });
    } else {
      entry.value += value;
      // Numeric metadata (tokens saved, cost saved) adds up; the rest keeps its first value.
      for (const [name, extra] of Object.entries(metadata)) {
        const current = entry.metadata[name];
        if (typeof extra === 'number' && typeof current === 'number') entry.metadata[name] = current + extra;
        else if (current === undefined) entry.metadata[name] = extra;
      }
    }
    this.ensureTimer();
  }

  /** The counts so far as rows (and starts counting afresh). */
  drain(now: Date = new Date()): MetricRow[] {
    const rows = [...this.counts.values()].map((entry) => ({
      metricType: entry.metricType,
      endpoint: entry.endpoint,
      metricValue: entry.value,
      recordedAt: now,
      metadata: { ...entry.metadata, instance: instanceId },
    }));
    this.counts.clear();
    return rows;
  }

  flush(now: Date = new Date()): void {
    const rows = this.drain(now);
    if (rows.length > 0) this.sink(rows);
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.flush(), 10_000);
    this.timer.unref();
  }
}

const globalKey = Symbol.for('smm.metrics.eventCounters');
type GlobalWithCounters = typeof globalThis & { [globalKey]?: EventCounters };

/** The process-wide counters. */
export function eventCounters(): EventCounters {
  const holder = globalThis as GlobalWithCounters;
  holder[globalKey] ??= new EventCounters();
  return holder[globalKey];
}
