import { desc } from 'drizzle-orm';
import { apiKeys } from '../../db/schema';
import type { DbOrTx } from '../../db/types';

export type ApiKeyStatus = 'active' | 'revoked' | 'expired';

/** Every key for the admin list, newest first. The hash is never selected. */
export async function listApiKeys(db: DbOrTx, now: Date = new Date()) {
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map((row) => ({ ...row, status: apiKeyStatus(row, now) }));
}

export type ApiKeyListRow = Awaited<ReturnType<typeof listApiKeys>>[number];

export function apiKeyStatus(row: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiKeyStatus {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}
