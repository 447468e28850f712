import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/app/_server/session';
import { ApiKeysTable } from '@/components/api-keys/ApiKeysTable';
import { CreateApiKeyForm } from '@/components/api-keys/CreateApiKeyForm';
import { EmptyState } from '@/components/shell/EmptyState';
import { PageHeader } from '@/components/shell/PageHeader';
import { listApiKeys } from '@/lib/api-keys/queries';
import { getDb } from '@/lib/db/database';
import { createApiKeyAction, revokeApiKeyAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apiKeys'))('title') };
}

export default async function ApiKeysPage() {
  await requirePermission('api_keys.manage');
  const t = await getTranslations('apiKeys');
  const keys = await listApiKeys(await getDb());
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <p className="mb-8 max-w-3xl text-muted">
        {t.rich('docsHint', {
          link: (chunks) => (
            <a href="/api/v1/openapi.json" className="text-accent underline" dir="ltr">
              {chunks}
            </a>
          ),
        })}
      </p>
      <section aria-labelledby="create-key-title" className="mb-10 max-w-xl">
        <h2 id="create-key-title" className="mb-4 text-lg font-semibold">
          {t('createTitle')}
        </h2>
        <CreateApiKeyForm action={createApiKeyAction} />
      </section>
      {keys.length ? <ApiKeysTable keys={keys} revokeAction={revokeApiKeyAction} /> : <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />}
    </>
  );
}
