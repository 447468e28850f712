'use server';

import { getLocale } from 'next-intl/server';
import { formAction } from '@/app/_server/form-action';
import { signIn } from '@/app/_server/auth';
import { createFirstAdmin } from '@/lib/users/setup';
import { setupSchema } from '@/lib/users/schemas';

// Anonymous by nature (no user exists yet); createFirstAdmin refuses once one does, and
// records that attempt as a security event.
export const createAdminAction = formAction({ name: 'setup.createAdmin', schema: setupSchema, permission: null }, async (input, { db, context }) => {
  const locale = await getLocale();
  await createFirstAdmin(db, input, context, locale);
  await signIn('credentials', { email: input.email, password: input.password, redirectTo: `/${locale}/health` });
});
