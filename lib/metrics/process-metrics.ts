import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { MetricRow } from './rows';

export const PROCESS_SAMPLE_MS = 10_000;

export interface ProcessSample {
  at: Date;
  rssBytes: number;
  heapUsedBytes: number;
  /**
   * CPU time (user + system) over wall time since the previous sample, in percent of ONE
   * core: a process keeping two cores busy reads 200.
   */
  cpuPercent: number;
  /** p99 event-loop delay over the interval, in ms. */
  eventLoopLagP99Ms: number;
}

/**
 * Samples this process every 10 s: RSS, heap used, CPU % (process.cpuUsage deltas) and the
 * event-loop lag p99 (perf_hooks.monitorEventLoopDelay, reset after each sample). Each sample
 * becomes four production_metrics rows tagged with the instance; the latest one is also kept
 * for /api/metrics.
 */
export class ProcessSampler {
  latest: ProcessSample | undefined;
  private histogram: IntervalHistogram | undefined;
  private lastCpu = process.cpuUsage();
  private lastWall = process.hrtime.bigint();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly options: { instance: string; emit: (rows: MetricRow[]) => void; now?: () => number; intervalMs?: number },
  ) {}

  start(): void {
    if (this.timer) return;
    this.histogram = monitorEventLoopDelay({ resolution: 10 });
    this.histogram.enable();
    this.lastCpu = process.cpuUsage();
    this.lastWall = process.hrtime.bigint();
    this.timer = setInterval(() => this.sample(), this.options.intervalMs ?? PROCESS_SAMPLE_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.histogram?.disable();
    this.histogram = undefined;
  }

  sample(): ProcessSample {
    const at = new Date((this.options.now ?? Date.now)());
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage(this.lastCpu);
    const wall = process.hrtime.bigint();
    const wallMicros = Number(wall - this.lastWall) / 1000;
    this.lastCpu = process.cpuUsage();
    this.lastWall = wall;
    const cpuPercent = wallMicros > 0 ? ((cpu.user + cpu.system) / wallMicros) * 100 : 0;
    // The histogram holds nanoseconds; with no sample yet it reports 0.
    const lag = this.histogram && this.histogram.count > 0 ? this.histogram.percentile(99) / 1e6 : 0;
    this.histogram?.reset();
    const sample: ProcessSample = { at, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, cpuPercent, eventLoopLagP99Ms: lag };
    this.latest = sample;
    const metadata = { instance: this.options.instance };
    this.options.emit([
      { metricType: 'memory_usage', endpoint: 'process:rss', metricValue: sample.rssBytes, recordedAt: at, metadata },
      { metricType: 'memory_usage', endpoint: 'process:heap_used', metricValue: sample.heapUsedBytes, recordedAt: at, metadata },
      { metricType: 'cpu_usage', endpoint: 'process', metricValue: round(sample.cpuPercent, 3), recordedAt: at, metadata },
      { metricType: 'event_loop_lag', endpoint: 'process', metricValue: round(sample.eventLoopLagP99Ms, 3), recordedAt: at, metadata },
    ]);
    return sample;
  }
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
