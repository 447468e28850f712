import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { apiKeys } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import type { ApiKeyScope } from './scopes';
import { hashApiKey, parseApiKey, sameDigest } from './token';

export type ApiKeyDenialReason = 'missing' | 'malformed' | 'unknown' | 'revoked' | 'expired' | 'insufficient_scope';

export interface VerifiedApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
}

export type VerifyResult =
  | { ok: true; key: VerifiedApiKey }
  | { ok: false; reason: ApiKeyDenialReason; prefix?: string; keyId?: string };

/** last_used_at is written at most once a minute per key, not on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Checks an `Authorization: Bearer <key>` header value: the key exists (looked up by the
 * SHA-256 of the whole key through its unique index), is not revoked or expired, and carries
 * the scope. The lookup compares hashes, so its timing reveals nothing about the secret; the
 * stored hash is compared again in constant time so a driver or collation quirk can never let
 * a near-match through.
 */
export async function verifyApiKey(
  db: DbOrTx,
  authorization: string | null | undefined,
  scope: ApiKeyScope,
  now: Date = new Date(),
): Promise<VerifyResult> {
  if (!authorization) return { ok: false, reason: 'missing' };
  const token = BEARER.exec(authorization)?.[1];
  if (!token) return { ok: false, reason: 'malformed' };
  const parsed = parseApiKey(token);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const hash = hashApiKey(token);
  const [row] = await keyByHash(db).execute({ hash });
  if (!row || !sameDigest(row.secretHash, hash) || row.prefix !== parsed.prefix) {
    return { ok: false, reason: 'unknown', prefix: parsed.prefix };
  }
  const denial = { prefix: row.prefix, keyId: row.id };
  if (row.revokedAt) return { ok: false, reason: 'revoked', ...denial };
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired', ...denial };
  if (!row.scopes.includes(scope)) return { ok: false, reason: 'insufficient_scope', ...denial };
  await touchLastUsed(db, row.id, row.lastUsedAt, now);
  return { ok: true, key: { id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes } };
}

// Built once per database handle: this lookup runs on every API request, and building the
// query again each time costs more CPU than running it.
const prepared = new WeakMap<object, ReturnType<typeof prepareKeyByHash>>();
const prepareKeyByHash = (db: DbOrTx) =>
  db.select().from(apiKeys).where(eq(apiKeys.secretHash, sql.placeholder('hash'))).limit(1).prepare('api_key_by_hash');
function keyByHash(db: DbOrTx) {
  let query = prepared.get(db);
  if (!query) {
    query = prepareKeyByHash(db);
    prepared.set(db, query);
  }
  return query;
}

/**
 * Writes last_used_at only when the stored value is a minute old (or absent). The condition
 * sits in the UPDATE itself, so several app instances together still write at most about once
 * a minute per key; the row we just read lets us skip even the statement most of the time.
 */
async function touchLastUsed(db: DbOrTx, keyId: string, lastUsedAt: Date | null, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (lastUsedAt && lastUsedAt.getTime() > cutoff.getTime()) return;
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, cutoff))));
}
