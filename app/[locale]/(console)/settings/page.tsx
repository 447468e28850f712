import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/app/_i18n/navigation';
import { requirePermission } from '@/app/_server/session';
import { PageHeader } from '@/components/shell/PageHeader';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('settings') };
}

const SECTIONS = [
  { key: 'users', href: '/settings/users' },
  { key: 'apiKeys', href: '/settings/api-keys' },
  { key: 'monitors', href: '/settings/monitors' },
  { key: 'channels', href: '/settings/channels' },
  { key: 'network', href: '/settings/network' },
] as const;

export default async function SettingsPage() {
  await requirePermission('settings.read');
  const t = await getTranslations('settings');
  const nav = await getTranslations('nav');
  return (
    <>
      <PageHeader title={nav('settings')} description={t('description')} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((section) => (
          <li key={section.key} className="rounded-lg border border-line p-4">
            <h2 className="mb-1 text-lg font-semibold">
              <Link href={section.href} className="text-accent underline">
                {t(`sections.${section.key}.title`)}
              </Link>
            </h2>
            <p className="text-muted">{t(`sections.${section.key}.description`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
