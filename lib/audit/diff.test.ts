import { describe, expect, it } from 'vitest';
import { diffBeforeAfter, displayValue } from './diff';

describe('diffBeforeAfter', () => {
  it('lists changed, added, removed and unchanged fields, nested by path', () => {
    expect(
      diffBeforeAfter(
        { role: 'viewer', name: 'Vi', limits: { max: 1, min: 0 }, tags: ['a'] },
        { role: 'admin', name: 'Vi', limits: { max: 2, min: 0 }, tags: ['a'], email: 'vi@example.com' },
      ),
    ).toEqual([
      { path: 'limits.max', before: 1, after: 2, change: 'changed' },
      { path: 'role', before: 'viewer', after: 'admin', change: 'changed' },
      { path: 'email', before: undefined, after: 'vi@example.com', change: 'added' },
      { path: 'limits.min', before: 0, after: 0, change: 'unchanged' },
      { path: 'name', before: 'Vi', after: 'Vi', change: 'unchanged' },
      { path: 'tags', before: ['a'], after: ['a'], change: 'unchanged' },
    ]);
  });

  it('handles a missing side', () => {
    expect(diffBeforeAfter(null, { a: 1 })).toEqual([{ path: 'a', before: undefined, after: 1, change: 'added' }]);
    expect(diffBeforeAfter({ a: 1 }, null)).toEqual([{ path: 'a', before: 1, after: undefined, change: 'removed' }]);
    expect(diffBeforeAfter(null, null)).toEqual([]);
  });

  it('displays values', () => {
    expect(displayValue('x')).toBe('x');
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
    expect(displayValue(null)).toBe('null');
    expect(displayValue(undefined)).toBe('');
  });
});
