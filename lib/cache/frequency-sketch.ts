/**
 * TinyLFU's frequency sketch (Einziger, Friedman and Manes, "TinyLFU: A Highly Efficient Cache
 * Admission Policy", ACM TOS 2017): a count-min sketch of how often each key was asked for
 * recently. `depth` rows of small saturating counters; a key's estimate is the minimum of its
 * counters, so it can only overestimate (through collisions), never underestimate. After
 * `sampleSize` recorded accesses every counter is halved ("reset"), so the sketch follows a
 * changing popularity instead of remembering yesterday's hot keys forever.
 */
export interface FrequencySketchOptions {
  /** Number of distinct keys worth telling apart (the cache's capacity). */
  capacity: number;
  /** Counter rows (independent hashes). */
  depth?: number;
  /** Counters saturate here (TinyLFU uses 4-bit counters: 15). */
  maxCount?: number;
  /** Accesses between two halvings; default 10 x capacity, as in the paper. */
  sampleSize?: number;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32): FNV's low bits are weak for short keys differing at the end.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export class FrequencySketch {
  private readonly counters: Uint8Array;
  private readonly width: number;
  private readonly mask: number;
  private readonly depth: number;
  private readonly maxCount: number;
  readonly sampleSize: number;
  private additions = 0;
  private readonly slots: number[];

  constructor(options: FrequencySketchOptions) {
    // At least 256 counters a row: a tiny cache must not lose its hot keys to collisions.
    const capacity = Math.max(256, Math.floor(options.capacity));
    // A power of two at least the capacity, so an index is a mask, not a modulo.
    this.width = 2 ** Math.ceil(Math.log2(capacity));
    this.mask = this.width - 1;
    this.depth = options.depth ?? 4;
    this.maxCount = Math.min(255, options.maxCount ?? 15);
    this.sampleSize = options.sampleSize ?? 10 * capacity;
    this.counters = new Uint8Array(this.width * this.depth);
    this.slots = new Array<number>(this.depth).fill(0);
  }

  /** Counter positions of a key, one per row (double hashing: h1 + i * h2). */
  private locate(key: string): number[] {
    const h1 = fnv1a(key, 0);
    const h2 = fnv1a(key, 0x9e3779b9) | 1;
    for (let row = 0; row < this.depth; row++) this.slots[row] = row * this.width + ((h1 + Math.imul(row, h2)) & this.mask);
    return this.slots;
  }

  /** Counts one access to the key. */
  record(key: string): void {
    const slots = this.locate(key);
    // Conservative update: raise only the counters at the current minimum (fewer overestimates).
    let min = this.maxCount;
    for (const slot of slots) min = Math.min(min, this.counters[slot]!);
    if (min < this.maxCount) for (const slot of slots) if (this.counters[slot] === min) this.counters[slot] = min + 1;
    if (++this.additions >= this.sampleSize) this.halve();
  }

  /** Estimated recent accesses of the key: never below the true (halved) count up to maxCount, above it only by collisions. */
  estimate(key: string): number {
    let min = this.maxCount;
    for (const slot of this.locate(key)) min = Math.min(min, this.counters[slot]!);
    return min;
  }

  private halve(): void {
    for (let i = 0; i < this.counters.length; i++) this.counters[i] = this.counters[i]! >>> 1;
    this.additions = Math.floor(this.additions / 2);
  }
}
