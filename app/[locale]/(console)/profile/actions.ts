'use server';

import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formAction } from '@/app/_server/form-action';
import { preferencesSchema } from '@/lib/users/schemas';
import { updatePreferences } from '@/lib/users/update-preferences';

export const savePreferencesAction = formAction({ name: 'profile.savePreferences', schema: preferencesSchema, permission: 'profile.update' }, async (input, { db, user, context }) => {
  await updatePreferences(db, user.id, input, context);
  // A new language means new URLs; everything else re-renders in place.
  if (input.locale !== (await getLocale())) redirect(`/${input.locale}/profile`);
  const t = await getTranslations('profile');
  return { status: 'success', message: t('saved') };
});
