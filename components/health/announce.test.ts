import { describe, expect, it } from 'vitest';
import { shouldAnnounce } from './announce';

describe('shouldAnnounce', () => {
  it('announces at most once a minute', () => {
    const loaded = 1_000_000;
    // Refreshes every 10 s: only the one a minute after the last announcement speaks.
    const spoken = [10, 20, 30, 40, 50, 60, 70].map((s) => shouldAnnounce(loaded, loaded + s * 1000));
    expect(spoken).toEqual([false, false, false, false, false, true, true]);
  });
});
