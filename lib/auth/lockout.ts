import { and, desc, eq, gt, gte } from 'drizzle-orm';
import { signInAttempts } from '../../db/schema';
import type { DbOrTx } from '../../db/types';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCKOUT_MS = 15 * 60_000;

export interface LockState {
  locked: boolean;
  /** When attempts are accepted again. */
  until?: Date;
  reason?: 'account' | 'ip';
}

async function recentFailures(db: DbOrTx, column: 'email' | 'ip', value: string, since: Date): Promise<Date[]> {
  const key = column === 'email' ? signInAttempts.email : signInAttempts.ip;
  // For an account, a successful sign-in clears earlier failures; for an IP it does not,
  // or an attacker could reset the counter by signing in to an account of their own.
  let from = since;
  if (column === 'email') {
    const [success] = await db
      .select({ at: signInAttempts.attemptedAt })
      .from(signInAttempts)
      .where(and(eq(key, value), eq(signInAttempts.succeeded, true), gte(signInAttempts.attemptedAt, since)))
      .orderBy(desc(signInAttempts.attemptedAt))
      .limit(1);
    if (success) from = success.at;
  }
  const rows = await db
    .select({ at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(key, value), eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, from)))
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(100);
  return rows.map((row) => row.at);
}

/**
 * Locked when 5 failures for the account or the IP fall within 15 minutes; the lock lasts
 * 15 minutes from the failure that completed the five. Refused attempts are not recorded as
 * failures, so hammering a locked account does not extend its lock indefinitely.
 */
export async function lockState(db: DbOrTx, email: string, ip: string, now: Date): Promise<LockState> {
  // A lock that began up to LOCKOUT_MS ago may rest on failures up to WINDOW_MS before that.
  const since = new Date(now.getTime() - WINDOW_MS - LOCKOUT_MS);
  for (const [column, value] of [['email', email], ['ip', ip]] as const) {
    const failures = await recentFailures(db, column, value, since); // newest first
    for (let i = 0; i + MAX_FAILURES - 1 < failures.length; i++) {
      const newest = failures[i]!.getTime();
      if (newest + LOCKOUT_MS <= now.getTime()) break;
      if (newest - failures[i + MAX_FAILURES - 1]!.getTime() <= WINDOW_MS) {
        return { locked: true, until: new Date(newest + LOCKOUT_MS), reason: column === 'email' ? 'account' : 'ip' };
      }
    }
  }
  return { locked: false };
}

export async function recordAttempt(db: DbOrTx, email: string, ip: string, succeeded: boolean, now: Date) {
  await db.insert(signInAttempts).values({ email, ip, succeeded, attemptedAt: now });
}
