import type { Cell, CellMap, CellSummary } from './cells';

/** The latency cells of one chart step, with what the page derives from them. */
export interface StepData {
  cells: CellMap;
  /** All request (route and action) cells of the step merged. */
  requests: Cell;
  /** Percentiles and error rate of `requests`, worked out once. */
  summary: CellSummary;
}

/** Several consecutive closed steps merged: per series (endpoint table) and requests (tiles). */
export interface RunData {
  perSeries: CellMap;
  requests: Cell;
}

interface Entry {
  value: StepData | RunData;
  storedAt: number;
  keys: number;
}

export interface StepCacheOptions {
  /** Bound on the sketch buckets held across all entries (about 60 bytes each). */
  maxSketchKeys?: number;
  /**
   * Re-read a closed step after this long. The rollup job never rewrites a bucket older than
   * its recompute window, but a backfill (npm run seed:metrics) or a restore can.
   */
  ttlMs?: number;
  now?: () => number;
}

function sketchKeys(cells: Iterable<{ cell: Cell }>): number {
  let keys = 0;
  for (const { cell } of cells) keys += Object.keys(cell.sketch).length + 1;
  return keys;
}

/**
 * Merged latency cells of CLOSED chart steps: steps wholly before the coarsest table's
 * boundary (less the stretch the rollup job still recomputes) never change, so the live view,
 * refreshing every 10 s, reads and merges only its open steps again. Without it a 30-day view
 * reads ~700 hourly sketches per endpoint on every refresh (seconds on Postgres, see
 * bench/dashboard.ts). Also holds runs of closed steps already merged, so a refresh does not
 * re-add 30 days of sketches either. Bounded (least recently used out first) and with a TTL.
 * One per process; a miss only costs the read.
 */
export class StepCache {
  private readonly entries = new Map<string, Entry>();
  private keys = 0;
  private readonly maxSketchKeys: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  hits = 0;
  misses = 0;

  constructor(options: StepCacheOptions = {}) {
    this.maxSketchKeys = options.maxSketchKeys ?? 1_000_000;
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.now = options.now ?? Date.now;
  }

  static key(source: string, stepMs: number, start: number): string {
    return `step|${source}|${stepMs}|${start}`;
  }

  static runKey(source: string, stepMs: number, from: number, to: number): string {
    return `run|${source}|${stepMs}|${from}|${to}`;
  }

  getStep(key: string): StepData | undefined {
    return this.get(key) as StepData | undefined;
  }

  setStep(key: string, value: StepData): void {
    this.set(key, value, sketchKeys(value.cells.values()));
  }

  getRun(key: string): RunData | undefined {
    return this.get(key) as RunData | undefined;
  }

  setRun(key: string, value: RunData): void {
    this.set(key, value, sketchKeys(value.perSeries.values()));
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.keys = 0;
  }

  private get(key: string): StepData | RunData | undefined {
    const entry = this.entries.get(key);
    if (!entry || this.now() - entry.storedAt > this.ttlMs) {
      if (entry) this.delete(key, entry);
      this.misses += 1;
      return undefined;
    }
    // Re-insert: Map keeps insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits += 1;
    return entry.value;
  }

  private set(key: string, value: StepData | RunData, keys: number): void {
    const old = this.entries.get(key);
    if (old) this.delete(key, old);
    if (keys > this.maxSketchKeys) return;
    this.entries.set(key, { value, storedAt: this.now(), keys });
    this.keys += keys;
    for (const [oldest, entry] of this.entries) {
      if (this.keys <= this.maxSketchKeys) break;
      this.delete(oldest, entry);
    }
  }

  private delete(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.keys -= entry.keys;
  }
}

const globalKey = Symbol.for('smm.healthDashboard.stepCache');
type GlobalWithCache = typeof globalThis & { [globalKey]?: StepCache };

/** The process-wide cache (kept on globalThis: Next bundles pages separately). */
export function sharedStepCache(): StepCache {
  const holder = globalThis as GlobalWithCache;
  holder[globalKey] ??= new StepCache();
  return holder[globalKey];
}
