'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { getLocale, getTranslations } from 'next-intl/server';
import { signIn } from '@/app/_server/auth';
import { formAction } from '@/app/_server/form-action';
import { getDb } from '@/lib/db/database';
import { findUserByEmail } from '@/lib/users/queries';
import { signInSchema } from '@/lib/users/schemas';
import { isLocale } from '@/lib/i18n/config';

// Anonymous by nature. authenticate() (called by the credentials provider) applies the
// lock-out and writes the audit entries.
export const signInAction = formAction({ name: 'sign-in.signIn', schema: signInSchema, permission: null }, async (input) => {
  const t = await getTranslations('signIn');
  try {
    // Land in the user's own saved locale.
    const saved = (await findUserByEmail(await getDb(), input.email))?.locale;
    const locale = isLocale(saved) ? saved : await getLocale();
    await signIn('credentials', { email: input.email, password: input.password, redirectTo: `/${locale}/health` });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { status: 'error', message: error.code === 'locked' ? t('locked') : t('invalid'), values: { email: input.email } };
    }
    if (error instanceof AuthError) return { status: 'error', message: t('invalid'), values: { email: input.email } };
    throw error;
  }
});
