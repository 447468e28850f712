import { asc, eq, sql } from 'drizzle-orm';
import { userRoles, users, type Role } from '../../db/schema';
import type { DbOrTx } from '../../db/types';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  roleId: string;
  locale: string;
  timeZone: string;
  theme: 'system' | 'light' | 'dark';
  highContrast: boolean;
  /** ISO 4217: amounts in the analytics area are shown in it. */
  displayCurrency: string;
}

const sessionColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: userRoles.role,
  roleId: userRoles.id,
  locale: users.locale,
  timeZone: users.timeZone,
  theme: users.theme,
  highContrast: users.highContrast,
  displayCurrency: users.displayCurrency,
  disabledAt: users.disabledAt,
};

/** The signed-in user as of now: a disabled user or a changed role takes effect at once. */
export async function findActiveUser(db: DbOrTx, id: string): Promise<SessionUser | null> {
  const [row] = await db
    .select(sessionColumns)
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(users.id, id))
    .limit(1);
  if (!row || row.disabledAt) return null;
  const { disabledAt: _disabled, ...user } = row;
  return user;
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ ...sessionColumns, passwordHash: users.passwordHash })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(users.email, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return row?.count ?? 0;
}

export async function listUsers(db: DbOrTx) {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: userRoles.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .orderBy(asc(users.email));
}

export type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];
