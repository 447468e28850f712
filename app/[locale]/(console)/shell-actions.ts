'use server';

import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { signOut } from '@/app/_server/auth';
import { measureAction } from '@/app/_server/measure-action';
import { getCurrentUser, userContext } from '@/app/_server/session';
import { recordAudit } from '@/lib/audit/record';
import { getDb } from '@/lib/db/database';
import { isLocale } from '@/lib/i18n/config';
import { updatePreferences } from '@/lib/users/update-preferences';

export async function signOutAction(): Promise<void> {
  return measureAction('shell.signOut', async () => {
    const locale = await getLocale();
    const user = await getCurrentUser();
    if (user) {
      await recordAudit(await getDb(), await userContext(user), { action: 'auth.sign_out', target: { type: 'user', id: user.id } });
    }
    await signOut({ redirectTo: `/${locale}/sign-in` });
  });
}

/**
 * Moves to the same page in another language and, for a signed-in user, saves the choice in
 * their profile (audited). Anonymous visitors may switch too (no role needed to read a form).
 */
export async function switchLocaleAction(data: FormData): Promise<void> {
  return measureAction('shell.switchLocale', async () => {
    const requested = data.get('locale');
    const path = String(data.get('path') ?? '/health');
    const locale = isLocale(requested) ? requested : await getLocale();
    // Only a local path: never an open redirect.
    const safePath = /^\/(?!\/)[\w\-/]*$/.test(path) ? path : '/health';
    const user = await getCurrentUser();
    if (user && user.locale !== locale) {
      await updatePreferences(await getDb(), user.id, { locale }, await userContext(user));
    }
    redirect(`/${locale}${safePath}`);
  });
}
