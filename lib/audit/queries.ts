import { and, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditLog, users, type AUDIT_OUTCOMES } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import type { AuditAction } from './actions';

export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditFilter {
  /** The actor's id exactly, or part of the acting user's email (case-insensitive). */
  actor?: string;
  action?: AuditAction;
  /** A target type ("user"), a target id, or both as "type:id". */
  target?: string;
  outcome?: AuditOutcome;
  /** Instants: created_at >= from and < to. */
  from?: Date;
  to?: Date;
  /** Free text, matched (case-insensitive, partial) against every text column and before/after. */
  q?: string;
}

/** Where the next page starts: the last entry shown. */
export interface AuditCursor {
  createdAt: Date;
  id: number;
}

export interface AuditPageRequest extends AuditFilter {
  /** Cursor: entries after this one in newest-first order. */
  before?: AuditCursor;
  limit?: number;
}

/** "<created_at in ms>_<id>", the cursor as it appears in a URL. */
export const encodeCursor = (cursor: AuditCursor) => `${cursor.createdAt.getTime()}_${cursor.id}`;

export function decodeCursor(text: string | undefined): AuditCursor | undefined {
  const match = /^(\d{1,15})_(\d{1,15})$/.exec(text ?? '');
  return match ? { createdAt: new Date(Number(match[1])), id: Number(match[2]) } : undefined;
}

/**
 * Keyset condition for newest-first order on (created_at, id), which audit_log_created_idx
 * serves directly. Entries are written with millisecond times, so a cursor built from a
 * returned row (a JS Date) is exact.
 */
export const afterCursor = (cursor: AuditCursor) =>
  sql`(${auditLog.createdAt}, ${auditLog.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id})`;

/**
 * Newest first, spelled exactly as audit_log_created_idx is built (DESC NULLS LAST): a plain
 * "desc" means NULLS FIRST, which Postgres will not serve from that index even though the
 * columns are NOT NULL, and falls back to sorting the whole table.
 */
export const newestFirst = [sql`${auditLog.createdAt} desc nulls last`, sql`${auditLog.id} desc nulls last`] as const;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// At most this many users match an email fragment; a fragment that vague is refined by the reader.
const MAX_ACTOR_MATCHES = 100;

/** Entries by users whose email contains the text, or undefined when no user matches. */
async function usersByEmail(db: DbOrTx, text: string): Promise<SQL | undefined> {
  const matches = await db.select({ id: users.id }).from(users).where(ilike(users.email, likePattern(text))).limit(MAX_ACTOR_MATCHES);
  if (matches.length === 0) return undefined;
  return and(eq(auditLog.actorType, 'user'), inArray(auditLog.actorId, matches.map((user) => user.id)));
}

/** The WHERE conditions of a filter. Resolves an email fragment to user ids first, so the
 * actor index applies instead of a join evaluated row by row. */
export async function auditConditions(db: DbOrTx, filter: AuditFilter): Promise<SQL[]> {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.outcome) conditions.push(eq(auditLog.outcome, filter.outcome));
  if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
  if (filter.to) conditions.push(lt(auditLog.createdAt, filter.to));
  if (filter.actor) {
    const byEmail = await usersByEmail(db, filter.actor);
    conditions.push(byEmail ? or(eq(auditLog.actorId, filter.actor), byEmail)! : eq(auditLog.actorId, filter.actor));
  }
  if (filter.target) {
    const separator = filter.target.indexOf(':');
    if (separator > 0) {
      conditions.push(eq(auditLog.targetType, filter.target.slice(0, separator)), eq(auditLog.targetId, filter.target.slice(separator + 1)));
    } else {
      conditions.push(or(eq(auditLog.targetType, filter.target), eq(auditLog.targetId, filter.target))!);
    }
  }
  if (filter.q) {
    const haystack = sql`concat_ws(' ', ${auditLog.action}, ${auditLog.actorId}, ${auditLog.targetType}, ${auditLog.targetId}, ${auditLog.ip}, ${auditLog.requestId}, ${auditLog.userAgent}, ${auditLog.before}::text, ${auditLog.after}::text)`;
    const text = sql`${haystack} ilike ${likePattern(filter.q)}`;
    // Readers search for people by email, which the entry stores as the user's id.
    const byEmail = await usersByEmail(db, filter.q);
    conditions.push(byEmail ? or(text, byEmail)! : text);
  }
  return conditions;
}

const entryColumns = {
  id: auditLog.id,
  createdAt: auditLog.createdAt,
  actorType: auditLog.actorType,
  actorId: auditLog.actorId,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  outcome: auditLog.outcome,
  ip: auditLog.ip,
  requestId: auditLog.requestId,
  userAgent: auditLog.userAgent,
  before: auditLog.before,
  after: auditLog.after,
};

/** The emails of the user actors among some entries, in one primary-key lookup. */
export async function withActorEmails<T extends { actorType: string; actorId: string | null }>(db: DbOrTx, rows: T[]) {
  const ids = [...new Set(rows.filter((row) => row.actorType === 'user' && row.actorId).map((row) => row.actorId!))].filter((id) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id),
  );
  const found = ids.length ? await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids)) : [];
  const emails = new Map(found.map((user) => [user.id, user.email]));
  return rows.map((row) => ({ ...row, actorEmail: row.actorType === 'user' && row.actorId ? (emails.get(row.actorId) ?? null) : null }));
}

/**
 * Newest first, keyset-paged on (created_at, id): each page is an index range scan that starts
 * at the cursor, so a page deep in a million entries costs what the first one costs (an OFFSET
 * would read every row before it), and a time range is a range of the same index. created_at
 * is the database clock taken under the chain lock, so this is also the chain's order.
 */
export async function listAuditEntries(db: DbOrTx, request: AuditPageRequest = {}) {
  const limit = Math.min(Math.max(Math.trunc(request.limit ?? 50), 1), 1000);
  const conditions = await auditConditions(db, request);
  if (request.before) conditions.push(afterCursor(request.before));
  const rows = await db
    .select(entryColumns)
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(...newestFirst)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor: AuditCursor | undefined = rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : undefined;
  return { entries: await withActorEmails(db, page), nextCursor };
}

export type AuditListEntry = Awaited<ReturnType<typeof listAuditEntries>>['entries'][number];

/** Every matching entry, newest first, a batch at a time (for exports: memory stays bounded). */
export async function* iterateAuditEntries(db: DbOrTx, filter: AuditFilter, batchSize = 1000): AsyncGenerator<AuditListEntry[]> {
  let before: AuditCursor | undefined;
  for (;;) {
    const page = await listAuditEntries(db, { ...filter, before, limit: batchSize });
    if (page.entries.length) yield page.entries;
    if (page.nextCursor === undefined) return;
    before = page.nextCursor;
  }
}

/** One entry with its chain fields and its neighbours' ids, or null. */
export async function getAuditEntry(db: DbOrTx, id: number) {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.id, id)).limit(1);
  if (!row) return null;
  const [newer] = await db.select({ id: auditLog.id }).from(auditLog).where(sql`${auditLog.id} > ${id}`).orderBy(auditLog.id).limit(1);
  const [older] = await db.select({ id: auditLog.id }).from(auditLog).where(lt(auditLog.id, id)).orderBy(desc(auditLog.id)).limit(1);
  const [entry] = await withActorEmails(db, [row]);
  return { ...entry!, newerId: newer?.id ?? null, olderId: older?.id ?? null };
}

export type AuditEntryDetail = NonNullable<Awaited<ReturnType<typeof getAuditEntry>>>;
