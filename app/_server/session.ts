import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { cache } from 'react';
import { can, type Permission } from '@/lib/auth/permissions';
import type { MutationContext } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record';
import { getDb } from '@/lib/db/database';
import { countUsers, findActiveUser, type SessionUser } from '@/lib/users/queries';
import { auth } from './auth';
import { requestMeta } from './request-meta';

/** The signed-in, enabled user for this request (once per request), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return findActiveUser(await getDb(), id);
});

let setupDone = false;

/** Users are never deleted, so once one exists the answer stays true for the process. */
export async function isSetupDone(): Promise<boolean> {
  if (setupDone) return true;
  setupDone = (await countUsers(await getDb())) > 0;
  return setupDone;
}

/** The signed-in user, or a redirect to /setup (no users yet) or to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const locale = await getLocale();
  if (!(await isSetupDone())) redirect(`/${locale}/setup`);
  const user = await getCurrentUser();
  if (!user) redirect(`/${locale}/sign-in`);
  return user;
}

/**
 * The one role check for pages, server actions and route handlers that act for a signed-in
 * user. A user without the permission gets the 403 page, and the refusal is audited.
 */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) {
    await recordAudit(await getDb(), await userContext(user), {
      action: 'auth.permission_denied',
      outcome: 'denied',
      after: { permission, role: user.role },
    });
    forbidden();
  }
  return user;
}

export async function userContext(user: SessionUser): Promise<MutationContext> {
  return {
    actor: { type: 'user', id: user.id, role: user.role, email: user.email },
    request: await requestMeta(),
  };
}
