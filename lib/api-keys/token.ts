import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Key format: `smm_<prefix>_<secret>`.
 * - prefix: 12 hex characters (48 random bits), stored in clear and shown in the list so an
 *   admin can tell keys apart; hex so it can never contain the `_` separator.
 * - secret: 32 random bytes (256 bits) as base64url (43 characters).
 * Only the SHA-256 of the whole key is stored. A slow hash would add nothing: with 256 random
 * bits there is nothing to brute-force, and a fast hash keeps verification cheap per request.
 */
export const KEY_PATTERN = /^smm_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedKey {
  key: string;
  prefix: string;
  secretHash: string;
}

export function generateApiKey(): GeneratedKey {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const key = `smm_${prefix}_${secret}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The prefix of a well-formed key, or undefined. */
export function parseApiKey(key: string): { prefix: string } | undefined {
  const match = KEY_PATTERN.exec(key);
  return match ? { prefix: match[1]! } : undefined;
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
