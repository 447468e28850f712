/**
 * A mergeable latency sketch (the DDSketch idea: logarithmic buckets with a fixed relative
 * error). Any quantile read from it is within ±1% of the true value, sketches of different
 * buckets/instances merge by adding counts, and the sparse form is plain JSON
 * ({ "<bucket index>": count }), so it can live in a jsonb column and be merged when rolling
 * 10-second rows up into minutes and hours.
 *
 * Written here rather than taken from @datadog/sketches-js because we need exactly this JSON
 * form (that package serialises to protobuf) and the whole algorithm is these few lines.
 */
export const RELATIVE_ACCURACY = 0.01;
// Exported for the rollup SQL, which computes the same bucket keys and values in the database.
export const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
export const LOG_GAMMA = Math.log(GAMMA);
// Values at or below this (including 0 and negatives) share one bucket that reads as 0.
export const MIN_VALUE = 1e-3;
export const ZERO_KEY = 'z';

export type SketchCounts = Record<string, number>;

const CODE_Z = 0x7a;
const CODE_MINUS = 0x2d;
const CODE_0 = 0x30;
const CODE_9 = 0x39;

/**
 * Whether a key is one the rollup SQL accepts (`'z'` or `'^-?[0-9]{1,6}$'`): the zero bucket or
 * an optional minus and 1 to 6 digits. Char codes instead of a regex: the dashboard checks
 * every key of every raw sketch it reads.
 */
export function isSketchKey(key: string): boolean {
  const length = key.length;
  if (length === 1 && key.charCodeAt(0) === CODE_Z) return true;
  let index = length > 0 && key.charCodeAt(0) === CODE_MINUS ? 1 : 0;
  const digits = length - index;
  if (digits < 1 || digits > 6) return false;
  for (; index < length; index += 1) {
    const code = key.charCodeAt(index);
    if (code < CODE_0 || code > CODE_9) return false;
  }
  return true;
}

/** The bucket index of a value, or null for the zero bucket (a number: cheap on a hot path). */
export function bucketIndex(value: number): number | null {
  if (!(value > MIN_VALUE)) return null;
  return Math.ceil(Math.log(value) / LOG_GAMMA);
}

export function bucketKey(value: number): string {
  const index = bucketIndex(value);
  return index === null ? ZERO_KEY : String(index);
}

function bucketValue(key: string): number {
  if (key === ZERO_KEY) return 0;
  const index = Number(key);
  // The value whose relative distance to both bucket bounds is the same.
  return (2 * Math.pow(GAMMA, index)) / (GAMMA + 1);
}

export function addToSketch(counts: SketchCounts, value: number, times = 1): void {
  const key = bucketKey(value);
  counts[key] = (counts[key] ?? 0) + times;
}

export function mergeSketches(target: SketchCounts, source: SketchCounts | null | undefined): SketchCounts {
  if (!source) return target;
  for (const [key, count] of Object.entries(source)) target[key] = (target[key] ?? 0) + count;
  return target;
}

export function sketchCount(counts: SketchCounts): number {
  let total = 0;
  for (const count of Object.values(counts)) total += count;
  return total;
}

/** The q-quantile (0..1), or null for an empty sketch. Nearest-rank on the bucket values. */
export function sketchQuantile(counts: SketchCounts, q: number): number | null {
  const total = sketchCount(counts);
  if (total === 0) return null;
  const keys = Object.keys(counts).sort((a, b) => (a === ZERO_KEY ? -Infinity : Number(a)) - (b === ZERO_KEY ? -Infinity : Number(b)));
  const rank = Math.max(1, Math.ceil(Math.min(Math.max(q, 0), 1) * total));
  let seen = 0;
  for (const key of keys) {
    seen += counts[key]!;
    if (seen >= rank) return bucketValue(key);
  }
  return bucketValue(keys[keys.length - 1]!);
}

export function sketchPercentiles(counts: SketchCounts) {
  return { p50: sketchQuantile(counts, 0.5), p95: sketchQuantile(counts, 0.95), p99: sketchQuantile(counts, 0.99) };
}
