import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest (channel webhook URLs, SMTP passwords, signing secrets).
 * Stored form: `v<key version>:<base64(iv | tag | ciphertext)>`, a random 12-byte IV per
 * value and the 16-byte auth tag, so a changed byte fails to decrypt instead of decrypting
 * to garbage. The version prefix lets a new key be introduced while old values still open.
 */
export interface KeyRing {
  current: number;
  keys: ReadonlyMap<number, Buffer>;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function keyRingFrom(base64Key: string): KeyRing {
  const key = Buffer.from(base64Key, 'base64');
  if (key.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes, base64 encoded (try: openssl rand -base64 32)');
  return { current: 1, keys: new Map([[1, key]]) };
}

export function seal(ring: KeyRing, plaintext: string): string {
  const key = ring.keys.get(ring.current);
  if (!key) throw new Error('no current encryption key');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v${ring.current}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
}

export function open(ring: KeyRing, sealed: string): string {
  const match = /^v(\d+):([A-Za-z0-9+/=]+)$/.exec(sealed);
  if (!match) throw new Error('not a sealed value');
  const key = ring.keys.get(Number(match[1]));
  if (!key) throw new Error(`no encryption key of version ${match[1]}`);
  const raw = Buffer.from(match[2]!, 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
