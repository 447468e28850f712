import { sketchSize, type CellMap } from './cells';

interface Entry {
  cells: CellMap;
  storedAt: number;
  keys: number;
}

export interface StepCacheOptions {
  /** Bound on the sketch buckets held across all entries (about 60 bytes each). */
  maxSketchKeys?: number;
  /** Re-read a closed step after this long, in case a late rollup rewrote it. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * The merged latency cells of CLOSED chart steps: steps that lie wholly before the coarsest
 * table's boundary never change (rollups of complete buckets are final), so the live view,
 * refreshing every 10 s, reads only its open step and the tail again. Without it a 30-day
 * view merges ~700 hourly sketches per endpoint on every refresh (about a second on
 * Postgres). Bounded (least recently used out first) and with a TTL, so a rewritten rollup
 * shows up within minutes. One per process; a miss only costs the read.
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
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  static key(source: string, stepMs: number, start: number): string {
    return `${source}|${stepMs}|${start}`;
  }

  get(key: string): CellMap | undefined {
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
    return entry.cells;
  }

  set(key: string, cells: CellMap): void {
    const old = this.entries.get(key);
    if (old) this.delete(key, old);
    const keys = sketchSize(cells) + cells.size;
    if (keys > this.maxSketchKeys) return;
    this.entries.set(key, { cells, storedAt: this.now(), keys });
    this.keys += keys;
    for (const [oldest, entry] of this.entries) {
      if (this.keys <= this.maxSketchKeys) break;
      this.delete(oldest, entry);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.keys = 0;
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
