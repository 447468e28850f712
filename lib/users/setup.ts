import { sql } from 'drizzle-orm';
import { userRoles, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { hashPassword } from '../auth/password';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import { ServiceError } from '../errors/service-error';
import type { SetupInput } from './schemas';
import { countUsers } from './queries';

const SETUP_LOCK_KEY = 7_216_540_002;

/**
 * Creates the first admin. Serialised with an advisory lock so two simultaneous setup
 * submissions (or two instances) cannot both create an "only" admin.
 */
export async function createFirstAdmin(db: Db, input: SetupInput, context: MutationContext, locale = 'en') {
  const passwordHash = await hashPassword(input.password);
  const created = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    if ((await countUsers(tx)) > 0) return null;
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, passwordHash, displayName: input.name, locale })
      .returning({ id: users.id, email: users.email });
    await tx.insert(userRoles).values({ userId: user!.id, role: 'admin' });
    await recordAudit(tx, context, {
      action: 'setup.admin_created',
      target: { type: 'user', id: user!.id },
      after: { email: input.email, displayName: input.name, role: 'admin' },
    });
    return user!;
  });
  if (!created) {
    // A setup attempt after setup is a security event, recorded on its own.
    await recordAudit(db, context, {
      action: 'setup.attempt_after_setup',
      outcome: 'denied',
      after: { email: input.email },
    });
    throw new ServiceError('conflict', 'setupDone');
  }
  return created;
}
