import { userRoles, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { databaseErrorCode, UNIQUE_VIOLATION } from '../../db/errors';
import { hashPassword } from '../auth/password';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import { ServiceError } from '../errors/service-error';
import type { NewUserInput } from './schemas';

export async function createUser(db: Db, input: NewUserInput, context: MutationContext) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, passwordHash, displayName: input.name })
        .returning({ id: users.id });
      await tx.insert(userRoles).values({ userId: user!.id, role: input.role });
      await recordAudit(tx, context, {
        action: 'user.create',
        target: { type: 'user', id: user!.id },
        after: { email: input.email, displayName: input.name, role: input.role },
      });
      return user!;
    });
  } catch (error) {
    if (databaseErrorCode(error) === UNIQUE_VIOLATION) throw new ServiceError('conflict', 'emailTaken', { field: 'email' });
    throw error;
  }
}
