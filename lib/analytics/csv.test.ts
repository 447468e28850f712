import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('analytics CSV', () => {
  it('quotes, defuses formulas, keeps numbers and leaves missing values empty', () => {
    expect(toCsv(['a', 'b'], [['=HYPERLINK("x")', -3.5], ['x,y', null]])).toBe('a,b\r\n"\'=HYPERLINK(""x"")",-3.5\r\n"x,y",\r\n');
  });
});
