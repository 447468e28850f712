import { describe, expect, it } from 'vitest';
import { ProcessSampler } from './process-metrics';
import type { MetricRow } from './rows';

describe('process sampler', () => {
  it('writes RSS, heap, CPU % and event-loop lag p99 tagged with the instance', async () => {
    const rows: MetricRow[] = [];
    const sampler = new ProcessSampler({ instance: 'host:1', emit: (batch) => rows.push(...batch), intervalMs: 60_000 });
    sampler.start();
    // Burn 60 ms of CPU time in one go (blocking the event loop at least that long), then sample.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const cpuBefore = process.cpuUsage();
    while (process.cpuUsage(cpuBefore).user < 60_000) Math.sqrt(Math.random());
    await new Promise((resolve) => setTimeout(resolve, 30));
    const sample = sampler.sample();
    sampler.stop();
    expect(rows.map((row) => `${row.metricType}/${row.endpoint}`)).toEqual([
      'memory_usage/process:rss',
      'memory_usage/process:heap_used',
      'cpu_usage/process',
      'event_loop_lag/process',
    ]);
    expect(rows.every((row) => row.metadata.instance === 'host:1')).toBe(true);
    expect(sample.rssBytes).toBeGreaterThan(sample.heapUsedBytes);
    // At least 60 ms of CPU in the interval; a loaded machine stretches the wall time, hence the margin.
    expect(sample.cpuPercent).toBeGreaterThan(5);
    expect(sample.eventLoopLagP99Ms).toBeGreaterThan(50);
    expect(sampler.latest).toBe(sample);
  });
});
