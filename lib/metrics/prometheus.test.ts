import { describe, expect, it } from 'vitest';
import { MetricsAggregator } from './aggregator';
import { bearerMatches, escapeLabelValue, renderPrometheus } from './prometheus';

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:\\.|[^"\\\n])*",?)*)\})? (NaN|[+-]Inf|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:\\.|[^"\\])*)"/g;

/** A small text-format 0.0.4 reader: fails on any line a Prometheus server would refuse. */
function parse(text: string) {
  expect(text.endsWith('\n')).toBe(true);
  const types = new Map<string, string>();
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|summary|histogram|untyped)$/.exec(line);
    if (help) continue;
    if (type) {
      expect(types.has(type[1]!)).toBe(false);
      types.set(type[1]!, type[2]!);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a valid sample line: ${JSON.stringify(line)}`);
    const name = match[1]!;
    const family = [...types.keys()].find((f) => name === f || (types.get(f) === 'summary' && (name === `${f}_sum` || name === `${f}_count`)));
    if (!family) throw new Error(`sample before its # TYPE line: ${name}`);
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? '').matchAll(LABEL)) labels[key!] = raw!.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    samples.push({ name, labels, value: match[3] === 'NaN' ? NaN : Number(match[3]) });
  }
  return { types, samples };
}

describe('Prometheus exposition', () => {
  it('renders counters, summaries and gauges that parse, with label values escaped', () => {
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const aggregator = new MetricsAggregator({ instance: 'x', now: () => clock });
    const odd = 'GET /api/"quoted"\\path\nnext';
    for (let i = 1; i <= 100; i += 1) aggregator.record({ kind: 'route', name: 'GET /api/health/live', durationMs: i, status: i > 95 ? 500 : 200 });
    aggregator.record({ kind: 'route', name: odd, durationMs: 5, status: 200 });
    aggregator.record({ kind: 'job', name: 'metrics-rollup', durationMs: 250, status: 'ok' });
    clock += 5_000;
    const text = renderPrometheus({
      aggregator: aggregator.snapshot(),
      process: { at: new Date(clock), rssBytes: 123_456_789, heapUsedBytes: 45_678_901, cpuPercent: 12.5, eventLoopLagP99Ms: 21 },
      db: { at: new Date(clock), roundTripMs: 1.5, connections: { active: 2, idle: 3, total: 5, max: 10 } },
    });
    const { types, samples } = parse(text);
    const value = (name: string, labels: Record<string, string> = {}) =>
      samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

    expect(types.get('smm_http_calls_total')).toBe('counter');
    expect(types.get('smm_http_duration_seconds')).toBe('summary');
    expect(value('smm_http_calls_total', { endpoint: 'GET /api/health/live' })).toBe(100);
    expect(value('smm_http_errors_total', { endpoint: 'GET /api/health/live' })).toBe(5);
    expect(value('smm_http_duration_seconds', { endpoint: 'GET /api/health/live', quantile: '0.5' })).toBeCloseTo(0.05, 3);
    expect(value('smm_http_duration_seconds', { endpoint: 'GET /api/health/live', quantile: '0.99' })).toBeCloseTo(0.099, 3);
    expect(value('smm_http_duration_seconds_count', { endpoint: 'GET /api/health/live' })).toBe(100);
    expect(value('smm_http_duration_seconds_sum', { endpoint: 'GET /api/health/live' })).toBeCloseTo(5.05, 6);
    // The odd name survives escaping and parsing intact.
    expect(value('smm_http_calls_total', { endpoint: odd })).toBe(1);
    expect(value('smm_job_calls_total', { job: 'metrics-rollup' })).toBe(1);
    expect(value('smm_metrics_dropped_rows_total')).toBe(0);
    expect(value('smm_process_resident_memory_bytes')).toBe(123_456_789);
    expect(value('smm_process_cpu_percent')).toBe(12.5);
    expect(value('smm_event_loop_lag_p99_seconds')).toBe(0.021);
    expect(value('smm_db_round_trip_seconds')).toBe(0.0015);
    expect(value('smm_db_connections', { state: 'pool_max' })).toBe(10);
  });

  it('escapes backslash, quote and line feed in label values', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });

  it('accepts only the exact bearer token', () => {
    const token = 'a-long-enough-metrics-token';
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(null, token)).toBe(false);
    expect(bearerMatches('', token)).toBe(false);
    expect(bearerMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(bearerMatches(`Basic ${token}`, token)).toBe(false);
    expect(bearerMatches(token, token)).toBe(false);
  });
});
