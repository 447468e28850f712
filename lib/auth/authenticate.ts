import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Db } from '../../db/types';
import type { RequestMeta } from '../audit/context';
import { recordAudit } from '../audit/record';
import { findUserByEmail } from '../users/queries';
import { lockState, recordAttempt } from './lockout';
import { spendVerifyTime, verifyPassword } from './password';

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; displayName: string; locale: string } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: Date };

/**
 * Checks a sign-in: lock-out first, then the password (constant work for unknown emails),
 * then records the attempt and its audit entry. Disabled accounts fail like a wrong password.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string },
  request: RequestMeta,
  now: Date = new Date(),
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const ip = request.ip ?? 'unknown';
  const anonymous = { actor: { type: 'anonymous' as const }, request };

  const lock = await lockState(db, email, ip, now);
  if (lock.locked) {
    await recordAudit(db, anonymous, {
      action: 'auth.sign_in_failed',
      outcome: 'denied',
      target: { type: 'user_email', id: email },
      after: { reason: 'locked', lockedBy: lock.reason, until: lock.until!.toISOString() },
    });
    return { ok: false, reason: 'locked', until: lock.until! };
  }

  const user = await findUserByEmail(db, email);
  let valid = false;
  if (user && !user.disabledAt) valid = await verifyPassword(user.passwordHash, input.password);
  else await spendVerifyTime(input.password);

  if (valid && user) {
    await db.transaction(async (tx) => {
      await recordAttempt(tx, email, ip, true, now);
      await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
      await recordAudit(tx, { actor: { type: 'user', id: user.id, role: user.role, email }, request }, {
        action: 'auth.sign_in',
        target: { type: 'user', id: user.id },
      });
    });
    return { ok: true, user: { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale } };
  }

  const lockedNow = await db.transaction(async (tx) => {
    await recordAttempt(tx, email, ip, false, now);
    await recordAudit(tx, anonymous, {
      action: 'auth.sign_in_failed',
      outcome: 'failed',
      target: { type: 'user_email', id: email },
      after: { reason: user ? (user.disabledAt ? 'disabled' : 'wrong_password') : 'unknown_email' },
    });
    const after = await lockState(tx, email, ip, now);
    if (after.locked) {
      await recordAudit(tx, anonymous, {
        action: 'auth.locked_out',
        outcome: 'denied',
        target: { type: 'user_email', id: email },
        after: { lockedBy: after.reason, until: after.until!.toISOString() },
      });
    }
    return after;
  });
  if (lockedNow.locked) return { ok: false, reason: 'locked', until: lockedNow.until! };
  return { ok: false, reason: 'invalid' };
}
