import { describe, expect, it } from 'vitest';
import { cleanRawSketch } from './queries';

describe('cleanRawSketch', () => {
  it('hands over a well-formed sketch as parsed, without a copy', () => {
    const sketch = { z: 2, '-3': 1, '0': 4, '345': 10, '999999': 1 };
    expect(cleanRawSketch(sketch)).toBe(sketch);
    expect(cleanRawSketch(JSON.stringify(sketch))).toEqual(sketch);
  });

  it('drops the entries the rollup job skips: other keys, and counts that are not finite numbers above zero', () => {
    const raw = {
      '300': 2,
      z: 1,
      Z: 3,
      '1234567': 1,
      '+5': 1,
      ' 5': 1,
      '5.0': 1,
      other: 5,
      '301': 0,
      '302': -1,
      '303': '4',
      '304': null,
      '305': { n: 1 },
      '306': 0.5,
    };
    expect(cleanRawSketch(raw)).toEqual({ '300': 2, z: 1, '306': 0.5 });
  });

  it('reads anything that is not an object (parsed, or JSON text) as no sketch', () => {
    for (const value of [null, undefined, '"nope"', '[1,2]', 'null', [1, 2], 5]) expect(cleanRawSketch(value)).toBeNull();
  });
});
