import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { routing } from '@/app/_i18n/routing';
import { getCurrentUser } from '@/app/_server/session';
import { AxeInDevelopment } from '@/components/dev/AxeInDevelopment';
import { directionOf } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return { title: { template: `%s · ${t('product')}`, default: t('product') }, description: t('description') };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const user = await getCurrentUser().catch(() => null);
  // Theme and contrast are per-user preferences; without one the system setting applies.
  const classes = [user?.theme === 'dark' ? 'dark' : user?.theme === 'light' ? 'light' : '', user?.highContrast ? 'hc' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <html lang={locale} dir={directionOf(locale)} className={classes || undefined}>
      <body className="min-h-screen bg-canvas text-ink antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
        {process.env.NODE_ENV === 'development' && <AxeInDevelopment />}
      </body>
    </html>
  );
}
