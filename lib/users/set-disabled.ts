import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Db } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import { ServiceError } from '../errors/service-error';
import { ADMIN_CHANGE_LOCK_KEY, otherActiveAdmins } from './admin-guard';

/** Disabling keeps the user and their history; they cannot sign in and their session ends. */
export async function setUserDisabled(db: Db, input: { userId: string; disabled: boolean }, context: MutationContext) {
  if (input.disabled && context.actor.type === 'user' && context.actor.id === input.userId) {
    throw new ServiceError('conflict', 'cannotDisableSelf');
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK_KEY})`);
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).limit(1);
    if (!user) throw new ServiceError('not_found', 'userNotFound');
    if (Boolean(user.disabledAt) === input.disabled) return;
    if (input.disabled && (await otherActiveAdmins(tx, input.userId)) === 0) {
      throw new ServiceError('conflict', 'lastAdmin');
    }
    const disabledAt = input.disabled ? new Date() : null;
    await tx.update(users).set({ disabledAt }).where(eq(users.id, input.userId));
    await recordAudit(tx, context, {
      action: input.disabled ? 'user.disable' : 'user.enable',
      target: { type: 'user', id: input.userId },
      before: { disabledAt: user.disabledAt?.toISOString() ?? null },
      after: { disabledAt: disabledAt?.toISOString() ?? null },
    });
  });
}
