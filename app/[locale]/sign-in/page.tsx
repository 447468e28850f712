import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getCurrentUser, isSetupDone } from '@/app/_server/session';
import { SignInForm } from '@/components/auth/SignInForm';
import { signInAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('title') };
}

export default async function SignInPage() {
  const locale = await getLocale();
  if (!(await isSetupDone())) redirect(`/${locale}/setup`);
  if (await getCurrentUser()) redirect(`/${locale}/health`);
  const t = await getTranslations('signIn');
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-6 text-2xl font-bold">{t('title')}</h1>
      <SignInForm action={signInAction} />
    </main>
  );
}
