import { describe, expect, it } from 'vitest';
import { auc, prng, score, train } from './logistic';

describe('logistic regression', () => {
  it('computes AUC by hand, ties counting half', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(auc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(auc([0.2, 0.9], [1, 0])).toBe(0);
    expect(auc([0.1, 0.2], [1, 1])).toBeNull();
  });

  it('learns a separable signal and scores with per-feature contributions', () => {
    const random = prng(7);
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 400; i++) {
      const signal = random() * 10;
      const noise = random() * 10;
      x.push([signal, noise]);
      y.push(signal + (random() - 0.5) * 2 > 5 ? 1 : 0);
    }
    const model = train(['signal', 'noise'], x, y);
    expect(model.weights[0]!).toBeGreaterThan(2);
    expect(Math.abs(model.weights[1]!)).toBeLessThan(0.5);
    expect(auc(x.map((row) => score(model, row).probability), y)!).toBeGreaterThan(0.95);
    const { probability, contributions } = score(model, [9, 5]);
    expect(probability).toBeGreaterThan(0.9);
    expect(contributions[0]!).toBeGreaterThan(contributions[1]!);
  });
});
