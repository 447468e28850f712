import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { queryRows } from '../../db/rows';
import { auditLog } from '../../db/schema';
import type { Db, DbOrTx, Tx } from '../../db/types';
import type { AuditAction } from './actions';
import { AUDIT_CHAIN_LOCK_KEY, entryHash, GENESIS_HASH } from './chain';
import type { MutationContext } from './context';
import { maskSecrets } from './mask';

export interface AuditEntry {
  action: AuditAction;
  outcome?: 'success' | 'denied' | 'failed';
  target?: { type: string; id?: string | null };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface RecordedAudit {
  id: number;
  hash: string;
}

/**
 * Writes one audit entry with the given transaction, so a change and its entry commit or
 * fail together. Pass the transaction of the change, never a fresh connection. Given a plain
 * database (a security event that changes nothing else), it opens a transaction of its own.
 *
 * The entry is linked into the hash chain: under a transaction-level advisory lock it reads
 * the hash of the latest entry, takes the next id and the database clock, and inserts the
 * entry with prev_hash and hash. The lock is held until the caller's transaction ends, so
 * call this as the last write of a transaction: other writers wait for the commit.
 */
export async function recordAudit(db: DbOrTx, context: MutationContext, entry: AuditEntry): Promise<RecordedAudit> {
  // An open transaction is used as is: a savepoint would only add two round trips to the
  // sign-in path, and the caller's transaction fails as a whole when the audit write fails.
  if (db instanceof PgTransaction) return appendEntry(db as Tx, context, entry);
  return (db as Db).transaction((tx) => appendEntry(tx, context, entry));
}

// Postgres text and jsonb refuse NUL characters; an entry must never fail on one.
const stripNul = (text: string) => text.replace(/\u0000/g, '\uFFFD');

/**
 * Masks secrets, then takes the JSON round trip jsonb will take, so the value hashed now is
 * the value read back later (Dates become ISO strings, undefined members disappear).
 */
function jsonValue(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  return JSON.parse(JSON.stringify(maskSecrets(value)), (_key, inner: unknown) =>
    typeof inner === 'string' ? stripNul(inner) : inner,
  ) as Record<string, unknown>;
}

const text = (value: string | null | undefined, max?: number) =>
  value === undefined || value === null ? null : stripNul(max ? value.slice(0, max) : value);

async function appendEntry(tx: Tx, context: MutationContext, entry: AuditEntry): Promise<RecordedAudit> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  // A new statement after the lock: its snapshot sees the entry the previous holder committed.
  // After retention removed every entry, the chain continues from the latest anchor.
  const [head] = await queryRows<{ id: string | number; prev_hash: string; now_ms: number | string }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('audit_log', 'id')) as id,
      coalesce(
        (select hash from audit_log order by id desc limit 1),
        (select anchor_hash from audit_anchors order by removed_through_id desc limit 1),
        ${GENESIS_HASH}
      ) as prev_hash,
      floor(extract(epoch from clock_timestamp()) * 1000)::float8 as now_ms`,
  );
  if (!head) throw new Error('audit chain head query returned no row');
  const values = {
    id: Number(head.id),
    actorType: context.actor.type,
    actorId: text(context.actor.id),
    action: entry.action,
    targetType: text(entry.target?.type),
    targetId: text(entry.target?.id),
    before: jsonValue(entry.before),
    after: jsonValue(entry.after),
    requestId: text(context.request.requestId),
    ip: text(context.request.ip),
    userAgent: text(context.request.userAgent, 512),
    outcome: entry.outcome ?? 'success',
    // The database clock, read under the lock: one clock for every instance, so created_at
    // follows the chain's order, in milliseconds so the value hashed is the value stored.
    createdAt: new Date(Number(head.now_ms)),
    prevHash: head.prev_hash,
  };
  const hash = entryHash(values);
  await tx.insert(auditLog).overridingSystemValue().values({ ...values, hash });
  return { id: values.id, hash };
}
