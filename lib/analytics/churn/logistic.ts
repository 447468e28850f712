/**
 * A small, honest logistic regression: features standardised, full-batch gradient descent
 * with L2 regularisation. Enough for a handful of features and a few thousand users; no
 * dependency to keep up to date.
 */
export interface LogisticModel {
  features: string[];
  means: number[];
  sds: number[];
  weights: number[];
  bias: number;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function train(features: string[], x: number[][], y: number[], options: { iterations?: number; learningRate?: number; l2?: number } = {}): LogisticModel {
  const { iterations = 400, learningRate = 0.5, l2 = 0.01 } = options;
  const d = features.length;
  const n = x.length;
  const means = Array.from({ length: d }, (_, j) => x.reduce((a, row) => a + row[j]!, 0) / Math.max(n, 1));
  const sds = Array.from({ length: d }, (_, j) => Math.sqrt(x.reduce((a, row) => a + (row[j]! - means[j]!) ** 2, 0) / Math.max(n, 1)) || 1);
  const z = x.map((row) => row.map((v, j) => (v - means[j]!) / sds[j]!));
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    for (let i = 0; i < n; i++) {
      const row = z[i]!;
      const error = sigmoid(row.reduce((a, v, j) => a + v * weights[j]!, bias)) - y[i]!;
      for (let j = 0; j < d; j++) grad[j]! += error * row[j]!;
      gradBias += error;
    }
    for (let j = 0; j < d; j++) weights[j]! -= learningRate * (grad[j]! / n + l2 * weights[j]!);
    bias -= learningRate * (gradBias / n);
  }
  return { features, means, sds, weights, bias };
}

/** Probability and each feature's contribution to the log-odds (weight x standardised value). */
export function score(model: LogisticModel, row: number[]): { probability: number; contributions: number[] } {
  const contributions = row.map((v, j) => model.weights[j]! * ((v - model.means[j]!) / model.sds[j]!));
  return { probability: sigmoid(contributions.reduce((a, c) => a + c, model.bias)), contributions };
}

/** Area under the ROC curve (Mann-Whitney U, ties count half); null without both classes. */
export function auc(scores: number[], labels: number[]): number | null {
  const pairs = scores.map((s, i) => ({ s, y: labels[i]! })).sort((a, b) => a.s - b.s);
  let rankSumPositive = 0;
  let positives = 0;
  for (let i = 0; i < pairs.length; ) {
    let j = i;
    while (j < pairs.length && pairs[j]!.s === pairs[i]!.s) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (pairs[k]!.y === 1) {
      rankSumPositive += rank;
      positives++;
    }
    i = j;
  }
  const negatives = pairs.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSumPositive - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Deterministic PRNG (mulberry32), for splits, shuffles and demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string: a stable split of users into train and test. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
