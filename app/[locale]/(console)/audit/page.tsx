import type { Metadata } from 'next';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { requirePermission, userContext } from '@/app/_server/session';
import { AuditFilterForm } from '@/components/audit/AuditFilterForm';
import { AuditTable } from '@/components/audit/AuditTable';
import { ChainStatus } from '@/components/audit/ChainStatus';
import { RetentionForm } from '@/components/audit/RetentionForm';
import { VerifyChainForm } from '@/components/audit/VerifyChainForm';
import { EmptyState } from '@/components/shell/EmptyState';
import { PageHeader } from '@/components/shell/PageHeader';
import { AUDIT_OUTCOMES } from '@/db/schema';
import { recordAuditAccess } from '@/lib/audit/access';
import { AUDIT_ACTIONS } from '@/lib/audit/actions';
import { encodeCursor, listAuditEntries } from '@/lib/audit/queries';
import { auditSearchQuery, describeFilter, parseAuditSearch } from '@/lib/audit/search-params';
import { latestVerification } from '@/lib/audit/verify';
import { getDb } from '@/lib/db/database';
import { getSetting } from '@/lib/settings/settings';
import { RETENTION_LIMITS } from './retention-limits';
import { saveRetentionAction, verifyChainAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('audit') };
}

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('audit.read');
  const { locale } = await params;
  const timeZone = await getTimeZone();
  const search = parseAuditSearch(await searchParams, timeZone);
  const db = await getDb();
  const [{ entries, nextCursor }, verification, retentionDays] = await Promise.all([
    listAuditEntries(db, { ...search.filter, before: search.before, limit: 50 }),
    latestVerification(db),
    getSetting(db, 'audit.retention_days'),
  ]);
  // Looking at the log is itself recorded: one entry per page view, with the filter used.
  await recordAuditAccess(db, await userContext(user), { kind: 'list', filter: { ...describeFilter(search, timeZone), before: search.before ? encodeCursor(search.before) : undefined } });

  const t = await getTranslations('audit');
  const nav = await getTranslations('nav');
  const query = auditSearchQuery(search.values);
  return (
    <>
      <PageHeader title={nav('audit')} description={t('description')}>
        <div className="flex flex-wrap gap-4">
          <a href={`/${locale}/audit/report`} className="text-accent underline">
            {t('reportLink')}
          </a>
          <a href={`/${locale}/audit/export${query}`} className="text-accent underline" download>
            {t('exportCsv')}
          </a>
        </div>
      </PageHeader>
      <section aria-labelledby="chain-title" className="mb-8 rounded-lg border border-line p-4">
        <h2 id="chain-title" className="mb-2 text-lg font-semibold">
          {t('chain.heading')}
        </h2>
        <div className="mb-3">
          <ChainStatus verification={verification} />
        </div>
        <VerifyChainForm action={verifyChainAction} />
      </section>
      <AuditFilterForm values={search.values} actions={AUDIT_ACTIONS} outcomes={AUDIT_OUTCOMES} timeZone={timeZone} />
      {entries.length === 0 ? (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <AuditTable
          entries={entries}
          detailHref={(id) => `/${locale}/audit/${id}`}
          nextHref={nextCursor ? auditSearchQuery(search.values, nextCursor) : undefined}
          firstPageHref={search.before ? query || '?' : undefined}
        />
      )}
      <section aria-labelledby="retention-title" className="mt-10 rounded-lg border border-line p-4">
        <h2 id="retention-title" className="mb-2 text-lg font-semibold">
          {t('retention.heading')}
        </h2>
        <p className="mb-4 max-w-3xl">{t('retention.current', { days: retentionDays })}</p>
        <RetentionForm action={saveRetentionAction} days={retentionDays} min={RETENTION_LIMITS.min} max={RETENTION_LIMITS.max} />
      </section>
    </>
  );
}
