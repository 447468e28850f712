import { describe, expect, it } from 'vitest';
import { emptyCell, summarize, type CellMap } from './cells';
import { StepCache, type StepData } from './step-cache';

function step(keys: number): StepData {
  const cell = emptyCell();
  for (let i = 0; i < keys; i++) cell.sketch[String(i)] = 1;
  const cells: CellMap = new Map([['a', { metricType: 'api_response_time', endpoint: 'GET /a', cell }]]);
  return { cells, requests: cell, summary: summarize(cell) };
}

describe('StepCache', () => {
  it('drops the least recently used steps beyond its bound', () => {
    const cache = new StepCache({ maxSketchKeys: 30 });
    cache.setStep('a', step(9));
    cache.setStep('b', step(9));
    cache.setStep('c', step(9));
    cache.getStep('a');
    cache.setStep('d', step(9));
    expect(cache.getStep('b')).toBeUndefined();
    expect(cache.getStep('a')).toBeDefined();
    expect(cache.getStep('d')).toBeDefined();
  });

  it('forgets a step after its time to live', () => {
    let now = 0;
    const cache = new StepCache({ ttlMs: 1000, now: () => now });
    cache.setStep('a', step(1));
    now = 1000;
    expect(cache.getStep('a')).toBeDefined();
    now = 1001;
    expect(cache.getStep('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
