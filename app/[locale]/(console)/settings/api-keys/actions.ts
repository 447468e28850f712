'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction } from '@/app/_server/form-action';
import { createApiKey } from '@/lib/api-keys/create';
import { revokeApiKey } from '@/lib/api-keys/revoke';
import { createApiKeySchema, revokeApiKeySchema } from '@/lib/api-keys/schemas';

export const createApiKeyAction = formAction(
  { name: 'settings/api-keys.create', schema: createApiKeySchema, permission: 'api_keys.manage' },
  async (input, { db, context }) => {
    const created = await createApiKey(db, input, context);
    revalidatePath('/[locale]/settings/api-keys', 'page');
    const t = await getTranslations('apiKeys');
    // The key goes back to this one response only (shown once); it is never stored or logged.
    return { status: 'success', message: t('created', { name: created.name }), values: { secret: created.key, name: created.name } };
  },
);

export const revokeApiKeyAction = formAction(
  { name: 'settings/api-keys.revoke', schema: revokeApiKeySchema, permission: 'api_keys.manage' },
  async (input, { db, context }) => {
    await revokeApiKey(db, input.keyId, context);
    revalidatePath('/[locale]/settings/api-keys', 'page');
    const t = await getTranslations('apiKeys');
    return { status: 'success', message: t('revoked') };
  },
);
