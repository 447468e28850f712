import { bigint, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Each verification of the audit hash chain: "verified up to entry N at time T". */
export const auditVerifications = pgTable(
  'audit_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull().defaultNow(),
    /** The last entry checked. */
    upToId: bigint('up_to_id', { mode: 'number' }),
    entriesChecked: bigint('entries_checked', { mode: 'number' }).notNull(),
    ok: boolean('ok').notNull(),
    /** The first entry whose link is broken, when not ok. */
    brokenAtId: bigint('broken_at_id', { mode: 'number' }),
    detail: text('detail'),
    trigger: text('trigger').notNull(),
  },
  (table) => [index('audit_verifications_verified_at_idx').on(table.verifiedAt.desc())],
);

/**
 * Where the chain starts after retention removed an old period: the hash of the last removed
 * entry, so the first remaining entry's prev_hash can still be checked.
 */
export const auditAnchors = pgTable('audit_anchors', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  removedThroughId: bigint('removed_through_id', { mode: 'number' }).notNull(),
  anchorHash: text('anchor_hash').notNull(),
  removedBefore: timestamp('removed_before', { withTimezone: true }).notNull(),
  removedCount: bigint('removed_count', { mode: 'number' }).notNull(),
});
