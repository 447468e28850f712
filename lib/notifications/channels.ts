import { eq, inArray } from 'drizzle-orm';
import { notificationChannels } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import { open, seal, type KeyRing } from '../crypto/secret-box';
import { PROVIDERS } from './providers';

export type ChannelRow = typeof notificationChannels.$inferSelect;

export interface LoadedChannel {
  row: ChannelRow;
  secret: unknown;
  public: unknown;
}

/** Encrypts a channel's secret configuration for storage, with its display hint. */
export function sealChannelSecret(ring: KeyRing, type: ChannelRow['type'], secret: unknown): { secretConfig: string; secretHint: string } {
  const provider = PROVIDERS[type];
  const parsed = provider.secretSchema.parse(secret);
  return { secretConfig: seal(ring, JSON.stringify(parsed)), secretHint: provider.hint(parsed) };
}

/** Channels by id with their secrets opened (server side only; never sent to a browser). */
export async function loadChannels(db: DbOrTx, ring: KeyRing, ids: readonly string[]): Promise<Map<string, LoadedChannel | { row: ChannelRow; error: string }>> {
  const out = new Map<string, LoadedChannel | { row: ChannelRow; error: string }>();
  if (ids.length === 0) return out;
  const rows = await db.select().from(notificationChannels).where(ids.length === 1 ? eq(notificationChannels.id, ids[0]!) : inArray(notificationChannels.id, [...ids]));
  for (const row of rows) {
    const provider = PROVIDERS[row.type];
    try {
      const secret = provider.secretSchema.parse(JSON.parse(open(ring, row.secretConfig)));
      out.set(row.id, { row, secret, public: provider.publicSchema.parse(row.publicConfig) });
    } catch {
      // A key that no longer opens the secret, or a config from an older shape.
      out.set(row.id, { row, error: 'channel configuration cannot be read (encryption key or format)' });
    }
  }
  return out;
}
