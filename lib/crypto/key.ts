import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env, type Env } from '../config/env';
import { keyRingFrom, type KeyRing } from './secret-box';

/**
 * ENCRYPTION_KEY from the environment, or (embedded database only) one generated on first
 * start and kept in the data folder next to auth-secret, as resolveAuthSecret does.
 */
export function resolveEncryptionKey(config: Env): string {
  if (config.ENCRYPTION_KEY) return config.ENCRYPTION_KEY;
  if (config.DATABASE_URL) throw new Error('ENCRYPTION_KEY is required when DATABASE_URL is set');
  const file = path.join(path.resolve(config.DATA_DIR), 'encryption-key');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (Buffer.from(existing, 'base64').length === 32) return existing;
  } catch {
    // first start: generate below
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString('base64');
  try {
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}

let ring: KeyRing | undefined;

export function keyRing(): KeyRing {
  ring ??= keyRingFrom(resolveEncryptionKey(env()));
  return ring;
}
