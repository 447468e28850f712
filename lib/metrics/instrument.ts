/**
 * The one measuring point for route handlers, server actions and jobs.
 *
 * CONTRACT (issue 3 fills in the aggregator): `measure()` times `fn`, classifies the outcome
 * and hands one Measurement to the process-wide aggregator; it never writes to the database
 * on the request path and never changes what `fn` returns or throws.
 */
export type MeasuredKind = 'route' | 'action' | 'job';

export interface Measurement {
  kind: MeasuredKind;
  /** Route path ("GET /api/v1/metrics"), action id ("settings/users#createUser") or job id. */
  name: string;
  durationMs: number;
  /** HTTP status for routes; 'ok' | 'error' for actions and jobs. */
  status: number | 'ok' | 'error';
  /** The error's class name when it threw (never its message: messages can hold data). */
  errorClass?: string;
}

type Sink = (measurement: Measurement) => void;

const sinkKey = Symbol.for('smm.metrics.sink');
type GlobalWithSink = typeof globalThis & { [sinkKey]?: Sink };

/** Installs the process-wide receiver of measurements (the aggregator). */
export function setMeasurementSink(sink: Sink | undefined): void {
  (globalThis as GlobalWithSink)[sinkKey] = sink;
}

export function recordMeasurement(measurement: Measurement): void {
  (globalThis as GlobalWithSink)[sinkKey]?.(measurement);
}

/** Times fn; the status of a returned Response is read from it. */
export async function measure<T>(kind: MeasuredKind, name: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await fn();
    const status = result instanceof Response ? result.status : 'ok';
    recordMeasurement({ kind, name, durationMs: performance.now() - started, status });
    return result;
  } catch (error) {
    recordMeasurement({
      kind,
      name,
      durationMs: performance.now() - started,
      status: kind === 'route' ? 500 : 'error',
      errorClass: error instanceof Error ? error.constructor.name : typeof error,
    });
    throw error;
  }
}
