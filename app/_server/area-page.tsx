import 'server-only';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/shell/EmptyState';
import { PageHeader } from '@/components/shell/PageHeader';
import type { AreaKey } from '@/components/shell/areas';
import type { Permission } from '@/lib/auth/permissions';
import { requirePermission } from './session';

type EmptyArea = Exclude<AreaKey, 'jobs' | 'audit' | 'settings'>;

/**
 * The page of an area that a later issue fills: a real heading, what the area is for, and an
 * honest empty state saying what will produce its data.
 */
export function emptyAreaPage(area: EmptyArea, permission: Permission) {
  async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations('nav');
    return { title: t(area) };
  }
  async function Page() {
    await requirePermission(permission);
    const nav = await getTranslations('nav');
    const t = await getTranslations(`areas.${area}`);
    return (
      <>
        <PageHeader title={nav(area)} description={t('description')} />
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      </>
    );
  }
  return { generateMetadata, Page };
}
