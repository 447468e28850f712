import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

describe('clientIp', () => {
  it('takes the only address when no proxy is trusted (Next filled it from the socket)', () => {
    expect(clientIp('203.0.113.9', 0)).toBe('203.0.113.9');
  });

  it('behind one proxy takes what that proxy appended, not what the client sent', () => {
    // client sent "spoofed"; the proxy appended the address it saw.
    expect(clientIp('spoofed, 203.0.113.9', 1)).toBe('203.0.113.9');
  });

  it('behind two proxies takes the entry the farther proxy appended', () => {
    // client -> proxy A (appends client) -> proxy B (appends A) -> app
    expect(clientIp('spoofed, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
  });

  it('never goes past the left end and tolerates a missing or empty header', () => {
    expect(clientIp('203.0.113.9', 3)).toBe('203.0.113.9');
    expect(clientIp(undefined, 0)).toBeUndefined();
    expect(clientIp(' , ', 0)).toBeUndefined();
  });
});
