import { getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';

const PAGES = { rates: '/analytics/settings/rates', prices: '/analytics/settings/prices' } as const;

/** The two reference-data pages as links; the current one is marked with aria-current and a border. */
export async function ReferenceNav({ current }: { current: keyof typeof PAGES }) {
  const t = await getTranslations('analyticsAdmin.nav');
  const analytics = await getTranslations('analytics.tabs');
  const link = (active: boolean) => `inline-block rounded-md border-2 px-3 py-1 text-sm ${active ? 'border-accent bg-surface font-semibold' : 'border-line hover:border-field'}`;
  return (
    <nav aria-label={t('label')} className="mb-6">
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link href="/analytics" className={link(false)}>
            {analytics('revenue')}
          </Link>
        </li>
        {(Object.keys(PAGES) as Array<keyof typeof PAGES>).map((page) => (
          <li key={page}>
            <Link href={PAGES[page]} aria-current={page === current ? 'page' : undefined} className={link(page === current)}>
              {t(page)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
