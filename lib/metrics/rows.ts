import type { Measurement } from './instrument';

/** One production_metrics row as the pipeline writes it. */
export interface MetricRow {
  metricType: string;
  endpoint: string | null;
  metricValue: number;
  recordedAt: Date;
  metadata: Record<string, unknown>;
}

/**
 * Where a measurement is stored (the shared metric format): routes and server actions under
 * 'api_response_time' (actions with the prefix "action:"), jobs under 'job_duration'.
 */
export function metricSeries(measurement: Pick<Measurement, 'kind' | 'name'>): { metricType: string; endpoint: string } {
  switch (measurement.kind) {
    case 'route':
      return { metricType: 'api_response_time', endpoint: measurement.name };
    case 'action':
      return { metricType: 'api_response_time', endpoint: `action:${measurement.name}` };
    case 'job':
      return { metricType: 'job_duration', endpoint: measurement.name };
  }
}
