import { canonicalJson, sha256Hex } from './canonical';

/** prev_hash of the first entry of a chain that no retention anchor precedes. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Transaction-level advisory lock that serializes every append to audit_log (and retention's
 * removal), so each entry's prev_hash is the hash of the entry committed just before it and
 * the chain cannot fork. One bigint key; "issue 5" in the style of the other lock keys.
 */
export const AUDIT_CHAIN_LOCK_KEY = 7_216_540_005;

/** The stored fields of an entry that its hash covers: every column but `hash` itself. */
export interface ChainedFields {
  id: number;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  outcome: string;
  createdAt: Date;
  prevHash: string;
}

/**
 * hash = SHA-256 (hex) of the canonical JSON of the entry, prev_hash included as a member.
 * Column names, not JS names, so the form is defined by the table (docs/adr/0003-audit-chain.md).
 */
export function entryHash(entry: ChainedFields): string {
  return sha256Hex(
    canonicalJson({
      id: entry.id,
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      request_id: entry.requestId,
      ip: entry.ip,
      user_agent: entry.userAgent,
      outcome: entry.outcome,
      created_at: entry.createdAt,
      prev_hash: entry.prevHash,
    }),
  );
}
