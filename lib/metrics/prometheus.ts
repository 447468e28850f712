import { createHash, timingSafeEqual } from 'node:crypto';
import type { AggregatorSnapshot } from './aggregator';
import type { DbSample } from './db-metrics';
import type { ProcessSample } from './process-metrics';
import { sketchCount, sketchQuantile } from './sketch';

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * True when the Authorization header carries exactly `Bearer <token>`. Both sides are hashed
 * first, so the comparison is constant-time and does not reveal the token's length.
 */
export function bearerMatches(header: string | null, token: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  const digest = (value: string) => createHash('sha256').update(value).digest();
  // An absent token is still compared, so a missing header takes as long as a wrong one.
  return timingSafeEqual(digest(match?.[1] ?? ''), digest(token)) && match !== null;
}

/** Label values: backslash, double quote and line feed escaped (exposition format 0.0.4). */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** HELP text: backslash and line feed escaped. */
function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

type Labels = Record<string, string>;

class Exposition {
  private readonly lines: string[] = [];

  family(name: string, type: 'counter' | 'gauge' | 'summary', help: string, samples: { suffix?: string; labels?: Labels; value: number }[]): void {
    this.lines.push(`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`);
    for (const sample of samples) {
      const labels = Object.entries(sample.labels ?? {});
      const labelText = labels.length ? `{${labels.map(([key, value]) => `${key}="${escapeLabelValue(value)}"`).join(',')}}` : '';
      this.lines.push(`${name}${sample.suffix ?? ''}${labelText} ${formatValue(sample.value)}`);
    }
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

const QUANTILES = [0.5, 0.95, 0.99] as const;

interface Family {
  name: string;
  metricType: string;
  label: string;
  what: string;
}

const FAMILIES: Family[] = [
  { name: 'smm_http', metricType: 'api_response_time', label: 'endpoint', what: 'route handler and server action calls' },
  { name: 'smm_job', metricType: 'job_duration', label: 'job', what: 'job runs' },
];

/**
 * The figures of this process in the Prometheus text format 0.0.4: calls and errors per
 * endpoint and job (counters since the process started), latency summaries (quantiles over
 * the last minute from the in-memory sketch; _sum and _count since start), the latest process
 * and database samples, and the metric rows dropped because the database could not take them.
 */
export function renderPrometheus(input: { aggregator: AggregatorSnapshot; process?: ProcessSample; db?: DbSample }): string {
  const out = new Exposition();
  for (const family of FAMILIES) {
    const series = input.aggregator.series.filter((entry) => entry.metricType === family.metricType).sort((a, b) => a.endpoint.localeCompare(b.endpoint));
    const label = (endpoint: string) => ({ [family.label]: endpoint });
    out.family(`${family.name}_calls_total`, 'counter', `Number of ${family.what} since the process started.`,
      series.map((entry) => ({ labels: label(entry.endpoint), value: entry.count })));
    out.family(`${family.name}_errors_total`, 'counter', `Number of ${family.what} that failed (HTTP 5xx or a thrown error) since the process started.`,
      series.map((entry) => ({ labels: label(entry.endpoint), value: entry.errors })));
    out.family(`${family.name}_duration_seconds`, 'summary', `Duration of ${family.what}: quantiles over the last minute (within 1%), sum and count since the process started.`,
      series.flatMap((entry) => {
        const hasRecent = sketchCount(entry.recentSketch) > 0;
        return [
          ...QUANTILES.map((q) => ({
            labels: { ...label(entry.endpoint), quantile: String(q) },
            value: hasRecent ? (sketchQuantile(entry.recentSketch, q) ?? 0) / 1000 : NaN,
          })),
          { suffix: '_sum', labels: label(entry.endpoint), value: entry.sumMs / 1000 },
          { suffix: '_count', labels: label(entry.endpoint), value: entry.count },
        ];
      }));
  }
  out.family('smm_metrics_dropped_rows_total', 'counter', 'Metric rows dropped, oldest first, because the database could not take them in time.',
    [{ value: input.aggregator.droppedRowsTotal }]);
  out.family('smm_metrics_pending_rows', 'gauge', 'Metric rows waiting for the next flush to the database.', [{ value: input.aggregator.pendingRows }]);
  const proc = input.process;
  if (proc) {
    out.family('smm_process_resident_memory_bytes', 'gauge', 'Resident set size of the process.', [{ value: proc.rssBytes }]);
    out.family('smm_process_heap_used_bytes', 'gauge', 'V8 heap in use.', [{ value: proc.heapUsedBytes }]);
    out.family('smm_process_cpu_percent', 'gauge', 'CPU time over wall time in the last sampling interval, in percent of one core.', [{ value: proc.cpuPercent }]);
    out.family('smm_event_loop_lag_p99_seconds', 'gauge', 'p99 event-loop delay in the last sampling interval.', [{ value: proc.eventLoopLagP99Ms / 1000 }]);
  }
  if (input.db) {
    out.family('smm_db_round_trip_seconds', 'gauge', 'Time of the last `select 1` round trip to the database.', [{ value: input.db.roundTripMs / 1000 }]);
    if (input.db.connections) {
      const { active, idle, max } = input.db.connections;
      out.family('smm_db_connections', 'gauge', 'Connections to this database by state (all clients), and the pool size of this instance.', [
        { labels: { state: 'active' }, value: active },
        { labels: { state: 'idle' }, value: idle },
        { labels: { state: 'pool_max' }, value: max },
      ]);
    }
  }
  return out.toString();
}
