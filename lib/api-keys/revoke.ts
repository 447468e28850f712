import { eq } from 'drizzle-orm';
import { apiKeys } from '../../db/schema';
import type { Db } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import { ServiceError } from '../errors/service-error';

/**
 * Revokes a key at once (the next request with it is refused) and audits it
 * ('api_key.revoke') in the same transaction. Revoking twice is refused, so the audit trail
 * has one revocation per key.
 */
export async function revokeApiKey(db: Db, keyId: string, context: MutationContext, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, keyId)).for('update').limit(1);
    if (!row) throw new ServiceError('not_found', 'apiKeyNotFound');
    if (row.revokedAt) throw new ServiceError('conflict', 'apiKeyAlreadyRevoked');
    await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, keyId));
    await recordAudit(tx, context, {
      action: 'api_key.revoke',
      target: { type: 'api_key', id: keyId },
      before: { name: row.name, prefix: row.prefix, revokedAt: null },
      after: { name: row.name, prefix: row.prefix, revokedAt: now.toISOString() },
    });
  });
}
