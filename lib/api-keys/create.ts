import { apiKeys } from '../../db/schema';
import type { Db } from '../../db/types';
import { databaseErrorCode, UNIQUE_VIOLATION } from '../../db/errors';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import type { CreateApiKeyInput } from './schemas';
import { generateApiKey } from './token';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  /** The whole key. Returned once, here; never stored and never audited. */
  key: string;
}

/** Creates a key and its audit entry ('api_key.create') in one transaction. */
export async function createApiKey(
  db: Db,
  input: CreateApiKeyInput,
  context: MutationContext,
  now: Date = new Date(),
): Promise<CreatedApiKey> {
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
  // 48 random prefix bits make a clash vanishingly rare; one retry covers it.
  for (let attempt = 0; ; attempt++) {
    const generated = generateApiKey();
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(apiKeys)
          .values({
            name: input.name,
            prefix: generated.prefix,
            secretHash: generated.secretHash,
            scopes: [...input.scopes],
            createdBy: context.actor.type === 'user' ? context.actor.id : null,
            createdAt: now,
            expiresAt,
          })
          .returning({ id: apiKeys.id });
        await recordAudit(tx, context, {
          action: 'api_key.create',
          target: { type: 'api_key', id: row!.id },
          // Name, prefix, scopes and expiry only: never the key or its hash.
          after: { name: input.name, prefix: generated.prefix, scopes: [...input.scopes], expiresAt: expiresAt?.toISOString() ?? null },
        });
        return { id: row!.id, name: input.name, prefix: generated.prefix, key: generated.key };
      });
    } catch (error) {
      if (attempt === 0 && databaseErrorCode(error) === UNIQUE_VIOLATION) continue;
      throw error;
    }
  }
}
