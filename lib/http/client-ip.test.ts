import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

describe('clientIp', () => {
  it('takes the address the nearest hop saw when no proxy is trusted', () => {
    expect(clientIp('10.0.0.1, 203.0.113.9', 0)).toBe('203.0.113.9');
  });
  it('skips trusted proxies from the right', () => {
    expect(clientIp('spoofed, 203.0.113.9, 10.0.0.2', 1)).toBe('203.0.113.9');
  });
  it('never goes past the left end and tolerates a missing header', () => {
    expect(clientIp('203.0.113.9', 3)).toBe('203.0.113.9');
    expect(clientIp(undefined, 0)).toBeUndefined();
    expect(clientIp(' , ', 0)).toBeUndefined();
  });
});
