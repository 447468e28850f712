import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { PageHeader } from '@/components/shell/PageHeader';
import { dayStart, type DayRange } from '@/lib/analytics/days';
import { ANALYTICS_RANGES, type AnalyticsRangeKey } from '@/lib/analytics/range';

export const ANALYTICS_VIEWS = ['revenue', 'engagement', 'plugins', 'funnels', 'churn', 'ai'] as const;
export type AnalyticsView = (typeof ANALYTICS_VIEWS)[number];

const PATHS: Record<AnalyticsView, string> = {
  revenue: '/analytics',
  engagement: '/analytics/engagement',
  plugins: '/analytics/plugins',
  funnels: '/analytics/funnels',
  churn: '/analytics/churn',
  ai: '/analytics/ai',
};

/**
 * Heading, the views as links (the current one marked with aria-current and a border, not by
 * colour alone), the period as links too (?range=), and what the figures cover.
 */
export async function AnalyticsHeader({ view, rangeKey, range, currency }: { view: AnalyticsView; rangeKey: AnalyticsRangeKey; range: DayRange; currency: string }) {
  const nav = await getTranslations('nav');
  const t = await getTranslations('analytics');
  const admin = await getTranslations('analyticsAdmin');
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(dayStart(d), { dateStyle: 'medium', timeZone: 'UTC' });
  const link = (active: boolean) => `inline-block rounded-md border-2 px-3 py-1 text-sm ${active ? 'border-accent bg-surface font-semibold' : 'border-line hover:border-field'}`;
  return (
    <>
      <PageHeader title={`${nav('analytics')}: ${t(`tabs.${view}`)}`} description={t('description')} />
      <nav aria-label={t('tabs.label')} className="mb-3">
        <ul className="flex flex-wrap gap-2">
          {ANALYTICS_VIEWS.map((v) => (
            <li key={v}>
              <Link href={{ pathname: PATHS[v], query: { range: rangeKey } }} aria-current={v === view ? 'page' : undefined} className={link(v === view)}>
                {t(`tabs.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t('range.label')} className="mb-3">
        <ul className="flex flex-wrap items-center gap-2">
          <li aria-hidden="true" className="me-1 text-sm font-semibold">
            {t('range.label')}
          </li>
          {ANALYTICS_RANGES.map((key) => (
            <li key={key}>
              <Link href={{ pathname: PATHS[view], query: { range: key } }} aria-current={key === rangeKey ? 'true' : undefined} className={link(key === rangeKey)}>
                {t(`range.options.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p className="text-muted">{t('period', { from: day(range.from), to: day(range.to), currency })}</p>
        <Link href="/analytics/settings/rates" className="text-accent underline">
          {admin('link')}
        </Link>
      </div>
    </>
  );
}
