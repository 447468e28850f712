import { getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';

/** Rendered with HTTP 403 when requirePermission() refuses. */
export default async function Forbidden() {
  const t = await getTranslations('forbidden');
  return (
    <section aria-labelledby="forbidden-title" className="max-w-xl">
      <h1 id="forbidden-title" className="mb-4 text-2xl font-bold">
        {t('title')}
      </h1>
      <p className="mb-4">{t('body')}</p>
      <Link href="/health" className="text-accent underline">
        {t('back')}
      </Link>
    </section>
  );
}
