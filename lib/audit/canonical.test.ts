import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from './canonical';
import { entryHash, GENESIS_HASH } from './chain';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":true}]},"b":1}');
  });

  it('encodes like JSON for what JSON encodes, so a value and its JSON round trip agree', () => {
    const value = { at: new Date('2030-01-02T03:04:05.678Z'), gone: undefined, list: [undefined, Number.NaN, 1e21, -0, 0.1], text: 'ä"\n' };
    expect(canonicalJson(value)).toBe('{"at":"2030-01-02T03:04:05.678Z","list":[null,null,1e+21,0,0.1],"text":"ä\\"\\n"}');
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe('entryHash', () => {
  const entry = {
    id: 1,
    actorType: 'user',
    actorId: 'u1',
    action: 'user.create',
    targetType: 'user',
    targetId: 'u2',
    before: null,
    after: { role: 'viewer', email: 'vi@example.com' },
    requestId: 'r1',
    ip: '203.0.113.1',
    userAgent: 'ua',
    outcome: 'success',
    createdAt: new Date('2030-01-01T00:00:00.000Z'),
    prevHash: GENESIS_HASH,
  };

  it('is the SHA-256 of the documented canonical form (docs/adr/0003-audit-chain.md)', () => {
    const canonical =
      '{"action":"user.create","actor_id":"u1","actor_type":"user","after":{"email":"vi@example.com","role":"viewer"},"before":null,' +
      `"created_at":"2030-01-01T00:00:00.000Z","id":1,"ip":"203.0.113.1","outcome":"success","prev_hash":"${GENESIS_HASH}",` +
      '"request_id":"r1","target_id":"u2","target_type":"user","user_agent":"ua"}';
    expect(entryHash(entry)).toBe(sha256Hex(canonical));
  });

  it('changes with any field, including the link to the previous entry', () => {
    const base = entryHash(entry);
    expect(entryHash({ ...entry, after: { role: 'admin', email: 'vi@example.com' } })).not.toBe(base);
    expect(entryHash({ ...entry, createdAt: new Date('2030-01-01T00:00:00.001Z') })).not.toBe(base);
    expect(entryHash({ ...entry, prevHash: 'f'.repeat(64) })).not.toBe(base);
    expect(entryHash({ ...entry, after: { email: 'vi@example.com', role: 'viewer' } })).toBe(base);
  });
});
