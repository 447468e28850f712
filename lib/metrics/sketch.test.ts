import { describe, expect, it } from 'vitest';
import { addToSketch, mergeSketches, RELATIVE_ACCURACY, sketchCount, sketchPercentiles, sketchQuantile, type SketchCounts } from './sketch';

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
