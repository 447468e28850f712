import { describe, expect, it } from 'vitest';
import { emptyCell, type CellMap } from './cells';
import { StepCache } from './step-cache';

function cells(keys: number): CellMap {
  const cell = emptyCell();
  for (let i = 0; i < keys; i++) cell.sketch[String(i)] = 1;
  return new Map([['a', { metricType: 'api_response_time', endpoint: 'GET /a', cell }]]);
}

describe('StepCache', () => {
  it('drops the least recently used steps beyond its bound', () => {
    const cache = new StepCache({ maxSketchKeys: 30 });
    cache.set('a', cells(9));
    cache.set('b', cells(9));
    cache.set('c', cells(9));
    cache.get('a');
    cache.set('d', cells(9));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('d')).toBeDefined();
  });

  it('forgets a step after its time to live', () => {
    let now = 0;
    const cache = new StepCache({ ttlMs: 1000, now: () => now });
    cache.set('a', cells(1));
    now = 1000;
    expect(cache.get('a')).toBeDefined();
    now = 1001;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
