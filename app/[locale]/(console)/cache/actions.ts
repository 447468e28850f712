'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction } from '@/app/_server/form-action';
import { purgeCache, purgeInput } from '@/lib/cache/purge';
import { getCache } from '@/lib/cache/runtime';

export const purgeCacheAction = formAction({ name: 'cache/purge', schema: purgeInput, permission: 'cache.manage' }, async (input, { db, context }) => {
  const removed = await purgeCache(db, await getCache(), input, context);
  revalidatePath('/[locale]/cache', 'page');
  return { status: 'success', message: (await getTranslations('cacheManager.purge'))('done', { count: removed }) };
});
