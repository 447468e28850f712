import { getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';

const SECTIONS = [
  { key: 'center', href: '/alerts' },
  { key: 'rules', href: '/alerts/rules' },
  { key: 'silences', href: '/alerts/silences' },
] as const;

export type AlertsSection = (typeof SECTIONS)[number]['key'];

/** The Alerts area's sections as links; the current one is marked by aria-current and a border. */
export async function AlertsNav({ current }: { current: AlertsSection }) {
  const t = await getTranslations('alertRules.nav');
  return (
    <nav aria-label={t('label')} className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {SECTIONS.map((section) => (
          <li key={section.key}>
            <Link
              href={section.href}
              aria-current={section.key === current ? 'page' : undefined}
              className={`inline-block rounded-md border-2 px-3 py-1 ${section.key === current ? 'border-accent bg-surface font-semibold' : 'border-line hover:border-field'}`}
            >
              {t(section.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
