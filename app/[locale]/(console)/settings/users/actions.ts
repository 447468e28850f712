'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction } from '@/app/_server/form-action';
import { changeRole } from '@/lib/users/change-role';
import { createUser } from '@/lib/users/create-user';
import { changeRoleSchema, newUserSchema, setDisabledSchema } from '@/lib/users/schemas';
import { setUserDisabled } from '@/lib/users/set-disabled';

export const createUserAction = formAction({ name: 'settings/users.createUser', schema: newUserSchema, permission: 'users.manage' }, async (input, { db, context }) => {
  await createUser(db, input, context);
  revalidatePath('/[locale]/settings/users', 'page');
  const t = await getTranslations('settingsUsers');
  return { status: 'success', message: t('created', { email: input.email }) };
});

export const changeRoleAction = formAction({ name: 'settings/users.changeRole', schema: changeRoleSchema, permission: 'users.manage' }, async (input, { db, context }) => {
  await changeRole(db, input, context);
  revalidatePath('/[locale]/settings/users', 'page');
  const t = await getTranslations('settingsUsers');
  return { status: 'success', message: t('roleChanged') };
});

export const setDisabledAction = formAction({ name: 'settings/users.setDisabled', schema: setDisabledSchema, permission: 'users.manage' }, async (input, { db, context }) => {
  await setUserDisabled(db, input, context);
  revalidatePath('/[locale]/settings/users', 'page');
  const t = await getTranslations('settingsUsers');
  return { status: 'success', message: input.disabled ? t('disabled') : t('enabled') };
});
