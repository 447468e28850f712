import { eq, sql } from 'drizzle-orm';
import { userRoles, type Role } from '../../db/schema';
import type { Db } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import { ServiceError } from '../errors/service-error';
import { ADMIN_CHANGE_LOCK_KEY, otherActiveAdmins } from './admin-guard';

export async function changeRole(db: Db, input: { userId: string; role: Role }, context: MutationContext) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK_KEY})`);
    const [current] = await tx.select().from(userRoles).where(eq(userRoles.userId, input.userId)).limit(1);
    if (!current) throw new ServiceError('not_found', 'userNotFound');
    if (current.role === input.role) return;
    if (current.role === 'admin' && (await otherActiveAdmins(tx, input.userId)) === 0) {
      throw new ServiceError('conflict', 'lastAdmin', { field: 'role' });
    }
    await tx.update(userRoles).set({ role: input.role, updatedAt: new Date() }).where(eq(userRoles.id, current.id));
    await recordAudit(tx, context, {
      action: 'user.role_change',
      target: { type: 'user', id: input.userId },
      before: { role: current.role },
      after: { role: input.role },
    });
  });
}
