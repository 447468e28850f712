import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requirePermission } from '@/app/_server/session';
import { AuditFilterForm } from '@/components/audit/AuditFilterForm';
import { AuditTable } from '@/components/audit/AuditTable';
import { EmptyState } from '@/components/shell/EmptyState';
import { PageHeader } from '@/components/shell/PageHeader';
import { AUDIT_ACTIONS } from '@/lib/audit/actions';
import { listAuditEntries } from '@/lib/audit/queries';
import { getDb } from '@/lib/db/database';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('audit') };
}

const searchSchema = z.object({
  actor: z.string().trim().max(200).optional().catch(undefined),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('audit.read');
  const query = searchSchema.parse(await searchParams);
  const t = await getTranslations('audit');
  const nav = await getTranslations('nav');
  const { entries, nextCursor } = await listAuditEntries(await getDb(), {
    actor: query.actor || undefined,
    action: query.action,
    beforeId: query.before,
    limit: 50,
  });
  const nextQuery = new URLSearchParams();
  if (query.actor) nextQuery.set('actor', query.actor);
  if (query.action) nextQuery.set('action', query.action);
  if (nextCursor) nextQuery.set('before', String(nextCursor));
  return (
    <>
      <PageHeader title={nav('audit')} description={t('description')} />
      <AuditFilterForm actor={query.actor ?? ''} action={query.action ?? ''} actions={AUDIT_ACTIONS} />
      {entries.length === 0 ? (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <AuditTable entries={entries} nextHref={nextCursor ? `?${nextQuery.toString()}` : undefined} firstPageHref={query.before ? '?' : undefined} />
      )}
    </>
  );
}
