import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Db } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import { ServiceError } from '../errors/service-error';
import type { PreferencesInput } from './schemas';

/** A user's own locale, time zone, theme and contrast; only fields given are changed. */
export async function updatePreferences(db: Db, userId: string, input: Partial<PreferencesInput>, context: MutationContext) {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ locale: users.locale, timeZone: users.timeZone, theme: users.theme, highContrast: users.highContrast, displayCurrency: users.displayCurrency })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    if (!before) throw new ServiceError('not_found', 'userNotFound');
    const changed = Object.fromEntries(
      Object.entries(input).filter(([key, value]) => value !== undefined && before[key as keyof typeof before] !== value),
    ) as Partial<PreferencesInput>;
    if (Object.keys(changed).length === 0) return;
    await tx.update(users).set(changed).where(eq(users.id, userId));
    await recordAudit(tx, context, {
      action: 'user.preferences_update',
      target: { type: 'user', id: userId },
      before: Object.fromEntries(Object.keys(changed).map((key) => [key, before[key as keyof typeof before]])),
      after: changed,
    });
  });
}
