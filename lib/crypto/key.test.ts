import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../config/env';
import { resolveEncryptionKey } from './key';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('ENCRYPTION_KEY', () => {
  it('is required with DATABASE_URL and must be 32 bytes of base64', () => {
    const base = { DATABASE_URL: 'postgres://localhost/db', AUTH_SECRET: 'x'.repeat(32) };
    expect(() => parseEnv(base)).toThrow(/ENCRYPTION_KEY is required/);
    expect(() => parseEnv({ ...base, ENCRYPTION_KEY: randomBytes(16).toString('base64') })).toThrow(/ENCRYPTION_KEY must be 32 bytes/);
    expect(resolveEncryptionKey(parseEnv({ ...base, ENCRYPTION_KEY: randomBytes(32).toString('base64') }))).toHaveLength(44);
  });

  it('on the embedded database is generated once and kept in DATA_DIR', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'smm-key-'));
    dirs.push(dir);
    const config = parseEnv({ DATA_DIR: dir });
    const first = resolveEncryptionKey(config);
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(resolveEncryptionKey(config)).toBe(first);
    expect(readFileSync(path.join(dir, 'encryption-key'), 'utf8')).toBe(first);
  });
});
