import { getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <p className="mb-4">{t('body')}</p>
      <Link href="/health" className="text-accent underline">
        {t('back')}
      </Link>
    </main>
  );
}
