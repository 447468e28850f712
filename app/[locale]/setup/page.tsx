import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { isSetupDone } from '@/app/_server/session';
import { SetupForm } from '@/components/auth/SetupForm';
import { createAdminAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('setup');
  return { title: t('title') };
}

/** First run only: once any user exists this page is gone (404) for good. */
export default async function SetupPage() {
  if (await isSetupDone()) notFound();
  const t = await getTranslations('setup');
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 text-2xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-muted">{t('intro')}</p>
      <SetupForm action={createAdminAction} />
    </main>
  );
}
