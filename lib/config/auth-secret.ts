import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Env } from './env';

/**
 * AUTH_SECRET from the environment, or (embedded database only) one generated on first
 * start and kept in the data folder, so `npm start` needs no configuration and sessions
 * survive restarts.
 */
export function resolveAuthSecret(config: Env): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (config.DATABASE_URL) throw new Error('AUTH_SECRET is required when DATABASE_URL is set');
  const file = path.join(path.resolve(config.DATA_DIR), 'auth-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start: generate below
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  // wx: if a second process raced us, keep the file it wrote.
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}
