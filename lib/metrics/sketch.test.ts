import { describe, expect, it } from 'vitest';
import { addToSketch, bucketKey, isSketchKey, mergeSketches, RELATIVE_ACCURACY, sketchCount, sketchPercentiles, sketchQuantile, type SketchCounts } from './sketch';

function exactQuantile(sorted: number[], q: number) {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

describe('latency sketch', () => {
  it('reads quantiles within the relative accuracy of the exact nearest rank', () => {
    // A deterministic, skewed latency distribution: mostly fast, a long tail.
    const values = Array.from({ length: 10_000 }, (_, i) => 5 + ((i * 7919) % 1000) ** 2 / 1000);
    const sketch: SketchCounts = {};
    for (const value of values) addToSketch(sketch, value);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.95, 0.99, 1]) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(sketchQuantile(sketch, q)! - exact) / exact).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-9);
    }
  });

  it('merges sketches exactly as if all values went into one', () => {
    const a: SketchCounts = {};
    const b: SketchCounts = {};
    const all: SketchCounts = {};
    for (let i = 1; i <= 500; i++) {
      addToSketch(i % 2 ? a : b, i);
      addToSketch(all, i);
    }
    const merged = mergeSketches(mergeSketches({}, a), b);
    expect(merged).toEqual(all);
    expect(sketchCount(merged)).toBe(500);
    expect(sketchPercentiles(merged)).toEqual(sketchPercentiles(all));
  });

  it('keeps zero and negative values in a zero bucket and is empty-safe', () => {
    const sketch: SketchCounts = {};
    addToSketch(sketch, 0, 3);
    addToSketch(sketch, 100);
    expect(sketchQuantile(sketch, 0.5)).toBe(0);
    expect(sketchQuantile(sketch, 1)).toBeCloseTo(100, 0);
    expect(sketchQuantile({}, 0.5)).toBeNull();
  });

  it('stays JSON round-trippable', () => {
    const sketch: SketchCounts = {};
    for (const v of [1, 10, 100, 1000]) addToSketch(sketch, v);
    expect(JSON.parse(JSON.stringify(sketch))).toEqual(sketch);
  });
});

describe('isSketchKey', () => {
  // The rollup SQL's definition: the zero bucket or '^-?[0-9]{1,6}$'.
  const REFERENCE = /^(z|-?[0-9]{1,6})$/;

  it('accepts exactly what the rollup SQL accepts', () => {
    const edges = ['z', 'Z', 'zz', '', '-', '--1', '+1', ' 1', '1 ', '1\n', '\n1', '0', '-0', '000000', '-999999', '9999999', '-1234567', '1.5', '1e3', '0x1', '١', '１', 'z1', '-z', '/', ':', '12a', 'a12'];
    for (const key of edges) expect(isSketchKey(key), JSON.stringify(key)).toBe(REFERENCE.test(key));
    // Every key the sketch itself makes, and a deterministic spread of short strings over a small alphabet.
    for (const value of [0, 1e-4, 0.5, 1, 10, 1e6, 1e12]) expect(isSketchKey(bucketKey(value))).toBe(true);
    const alphabet = ['0', '5', '9', '-', 'z', '/', ':', ' ', '+', '.'];
    let seed = 7;
    for (let i = 0; i < 20_000; i += 1) {
      let key = '';
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      const length = seed % 9;
      for (let j = 0; j < length; j += 1) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        key += alphabet[seed % alphabet.length];
      }
      expect(isSketchKey(key), JSON.stringify(key)).toBe(REFERENCE.test(key));
    }
  });
});
