import { getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { RANGE_KEYS, type RangeKey } from '@/lib/health-dashboard/ranges';

/**
 * Time range as links (?range=7d): keyboard and screen readers know links, the choice is in
 * the address (shareable, back button), and it works before any script has loaded. The
 * current one is marked with aria-current and a border, not by colour alone.
 */
export async function RangeSwitcher({ current }: { current: RangeKey }) {
  const t = await getTranslations('health.range');
  return (
    <nav aria-label={t('label')} className="mb-4">
      <ul className="flex flex-wrap items-center gap-2">
        <li aria-hidden="true" className="me-1 text-sm font-semibold">
          {t('label')}
        </li>
        {RANGE_KEYS.map((key) => (
          <li key={key}>
            <Link
              href={{ pathname: '/health', query: { range: key } }}
              scroll={false}
              aria-current={key === current ? 'true' : undefined}
              className={`inline-block rounded-md border-2 px-3 py-1 text-sm ${
                key === current ? 'border-accent bg-surface font-semibold' : 'border-line hover:border-field'
              }`}
            >
              {t(`options.${key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
