import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { userRoles, users } from '../../db/schema';
import type { DbOrTx } from '../../db/types';

/** Active admins other than `exceptUserId`: a change must never leave the console without one. */
export async function otherActiveAdmins(tx: DbOrTx, exceptUserId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'admin'), isNull(users.disabledAt), ne(users.id, exceptUserId)));
  return row?.count ?? 0;
}

// Role and disable changes take this lock so two admins demoting each other at the same
// moment cannot both pass the "another admin remains" check.
export const ADMIN_CHANGE_LOCK_KEY = 7_216_540_003;
