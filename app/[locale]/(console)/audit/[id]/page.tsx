import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePermission, userContext } from '@/app/_server/session';
import { EntryDiff } from '@/components/audit/EntryDiff';
import { EntryFields } from '@/components/audit/EntryFields';
import { PageHeader } from '@/components/shell/PageHeader';
import { recordAuditAccess } from '@/lib/audit/access';
import { getAuditEntry } from '@/lib/audit/queries';
import { getDb } from '@/lib/db/database';

const entryId = (raw: string) => (/^\d{1,15}$/.test(raw) ? Number(raw) : undefined);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations('audit.detail');
  return { title: t('title', { id: (await params).id }) };
}

export default async function AuditEntryPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const user = await requirePermission('audit.read');
  const { locale, id: raw } = await params;
  const id = entryId(raw);
  if (id === undefined) notFound();
  const db = await getDb();
  const entry = await getAuditEntry(db, id);
  if (!entry) notFound();
  await recordAuditAccess(db, await userContext(user), { kind: 'entry', entryId: id });

  const t = await getTranslations('audit.detail');
  const list = `/${locale}/audit`;
  return (
    <>
      <PageHeader title={t('title', { id: String(id) })} description={t('description')}>
        <a href={list} className="text-accent underline">
          {t('back')}
        </a>
      </PageHeader>
      <section aria-labelledby="entry-fields" className="mb-8">
        <h2 id="entry-fields" className="mb-3 text-lg font-semibold">
          {t('fields')}
        </h2>
        <EntryFields entry={entry} />
      </section>
      <section aria-labelledby="entry-changes" className="mb-8">
        <h2 id="entry-changes" className="mb-3 text-lg font-semibold">
          {t('changes')}
        </h2>
        <EntryDiff before={entry.before} after={entry.after} />
      </section>
      <section aria-labelledby="entry-chain" className="mb-8">
        <h2 id="entry-chain" className="mb-3 text-lg font-semibold">
          {t('chain')}
        </h2>
        {entry.hash ? (
          <dl className="grid max-w-4xl grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">{t('prevHash')}</dt>
            <dd className="break-all font-mono text-sm"><bdi>{entry.prevHash}</bdi></dd>
            <dt className="font-medium">{t('hash')}</dt>
            <dd className="break-all font-mono text-sm"><bdi>{entry.hash}</bdi></dd>
          </dl>
        ) : (
          <p>{t('legacy')}</p>
        )}
      </section>
      <nav aria-label={t('neighbours')} className="flex gap-4">
        {entry.newerId && (
          <a href={`${list}/${entry.newerId}`} className="text-accent underline">
            {t('newer')}
          </a>
        )}
        {entry.olderId && (
          <a href={`${list}/${entry.olderId}`} className="text-accent underline">
            {t('older')}
          </a>
        )}
      </nav>
    </>
  );
}
