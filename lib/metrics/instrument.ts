/**
 * The one measuring point for route handlers, server actions and jobs.
 *
 * CONTRACT (issue 3 fills in the aggregator): `measure()` times `fn`, classifies the outcome
 * and hands one Measurement to the process-wide aggregator; it never writes to the database
 * on the request path and never changes what `fn` returns or throws.
 */
export type MeasuredKind = 'route' | 'action' | 'job';
export type MeasuredStatus = number | 'ok' | 'error' | 'rejected';

export interface Measurement {
  kind: MeasuredKind;
  /**
   * Route: method and route pattern ("GET /api/v1/metrics"); action: "<area>/<name>"
   * ("settings/users.createUser", stored with the prefix "action:"); job: the job id.
   */
  name: string;
  durationMs: number;
  /**
   * HTTP status for routes; for actions and jobs 'ok' or 'error' (a failure of ours), or
   * 'rejected' for an action the user's input or role turned down (like an HTTP 4xx: counted
   * among the statuses, not as an error).
   */
  status: MeasuredStatus;
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

/** A failure counts as an error: a 5xx answer or a thrown error (4xx and 'rejected' do not). */
export function isErrorStatus(status: MeasuredStatus): boolean {
  return status === 'error' || (typeof status === 'number' && status >= 500);
}

export function errorClassOf(error: unknown): string {
  return error instanceof Error ? error.constructor.name : typeof error;
}

export interface MeasureOptions {
  /**
   * The status of a thrown value that is control flow rather than a failure (a framework
   * redirect), or undefined for a real failure. Lets app code classify Next.js's redirect and
   * 403/404 throws without lib importing Next.
   */
  thrownStatus?: (error: unknown) => MeasuredStatus | undefined;
}

/** Times fn; the status of a returned Response is read from it. */
export function measure<T>(kind: MeasuredKind, name: string, fn: () => Promise<T>, options?: MeasureOptions): Promise<T> {
  const started = performance.now();
  let pending: Promise<T>;
  try {
    pending = fn();
  } catch (error) {
    return Promise.reject(error).catch((reason: unknown) => recordFailure(kind, name, started, reason, options));
  }
  return settle(kind, name, started, pending, options);
}

/**
 * measure() for a route handler: the same measurement without a closure around the call. Every
 * request goes through it, so the allocations it saves show in the instrumentation bench.
 */
export function measureCall<A, B, T>(kind: MeasuredKind, name: string, fn: (a: A, b: B) => Promise<T>, a: A, b: B): Promise<T> {
  const started = performance.now();
  let pending: Promise<T>;
  try {
    pending = fn(a, b);
  } catch (error) {
    return Promise.reject(error).catch((reason: unknown) => recordFailure(kind, name, started, reason, undefined));
  }
  return settle(kind, name, started, pending, undefined);
}

function settle<T>(kind: MeasuredKind, name: string, started: number, pending: Promise<T>, options: MeasureOptions | undefined): Promise<T> {
  // Promise.resolve: a handler typed async may still return a plain value at run time.
  return Promise.resolve(pending).then(
    (result) => {
      recordMeasurement({ kind, name, durationMs: performance.now() - started, status: result instanceof Response ? result.status : 'ok' });
      return result;
    },
    (error: unknown) => recordFailure(kind, name, started, error, options),
  );
}

function recordFailure(kind: MeasuredKind, name: string, started: number, error: unknown, options: MeasureOptions | undefined): never {
  const controlFlow = options?.thrownStatus?.(error);
  recordMeasurement({
    kind,
    name,
    durationMs: performance.now() - started,
    status: controlFlow ?? (kind === 'route' ? 500 : 'error'),
    errorClass: controlFlow === undefined ? errorClassOf(error) : undefined,
  });
  throw error;
}
