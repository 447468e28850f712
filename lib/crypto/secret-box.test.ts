import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyRingFrom, open, seal } from './secret-box';

const ring = keyRingFrom(randomBytes(32).toString('base64'));

describe('secret box (AES-256-GCM)', () => {
  it('round-trips, with a fresh IV each time and a version prefix', () => {
    const a = seal(ring, 'https://discord.com/api/webhooks/1/secret');
    const b = seal(ring, 'https://discord.com/api/webhooks/1/secret');
    expect(a).toMatch(/^v1:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('secret');
    expect(open(ring, a)).toBe('https://discord.com/api/webhooks/1/secret');
  });

  it('refuses a tampered value, another key and a wrong key size', () => {
    const sealed = seal(ring, 'p@ss');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => open(ring, `v1:${raw.toString('base64')}`)).toThrow();
    expect(() => open(keyRingFrom(randomBytes(32).toString('base64')), sealed)).toThrow();
    expect(() => open(ring, sealed.replace(/^v1/, 'v2'))).toThrow(/version 2/);
    expect(() => keyRingFrom(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
