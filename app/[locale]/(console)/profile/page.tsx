import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/app/_server/session';
import { PreferencesForm } from '@/components/settings/PreferencesForm';
import { PageHeader } from '@/components/shell/PageHeader';
import { savePreferencesAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

export default async function ProfilePage() {
  const user = await requirePermission('profile.update');
  const t = await getTranslations('profile');
  const timeZones = Intl.supportedValuesOf('timeZone');
  if (!timeZones.includes('UTC')) timeZones.unshift('UTC');
  return (
    <>
      <PageHeader title={t('title')} description={t('description', { email: user.email })} />
      <PreferencesForm
        action={savePreferencesAction}
        timeZones={timeZones}
        current={{ locale: user.locale, timeZone: user.timeZone, theme: user.theme, highContrast: user.highContrast, displayCurrency: user.displayCurrency }}
      />
    </>
  );
}
