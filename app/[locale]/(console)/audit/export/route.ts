import { getFormatter, getTimeZone, getTranslations } from 'next-intl/server';
import { requirePermission, userContext } from '@/app/_server/session';
import { recordAuditAccess } from '@/lib/audit/access';
import { csvAttachment, csvStream } from '@/lib/audit/csv';
import { auditLogCsv } from '@/lib/audit/csv-export';
import { describeFilter, parseAuditSearch } from '@/lib/audit/search-params';
import { getDb } from '@/lib/db/database';
import { instrumentRoute } from '@/lib/metrics/route';
import { csvPresentation } from '../csv-presentation';

export const dynamic = 'force-dynamic';

/** The audit log as CSV, with the list's filter. The export itself is an 'audit.export' entry. */
export const GET = instrumentRoute('GET /[locale]/audit/export', async (request: Request) => {
  const user = await requirePermission('audit.read');
  const timeZone = await getTimeZone();
  const search = parseAuditSearch(Object.fromEntries(new URL(request.url).searchParams), timeZone);
  const db = await getDb();
  await recordAuditAccess(db, await userContext(user), { kind: 'export', filter: describeFilter(search, timeZone) });
  const t = await getTranslations('audit.csv');
  const present = await csvPresentation(await getFormatter(), [
    t('id'),
    t('time', { timeZone }),
    t('timeUtc'),
    t('actorType'),
    t('actor'),
    t('action'),
    t('targetType'),
    t('targetId'),
    t('outcome'),
    t('ip'),
    t('requestId'),
    t('userAgent'),
    t('before'),
    t('after'),
  ]);
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return new Response(csvStream(auditLogCsv(db, search.filter, present)), { headers: csvAttachment(`audit-log-${stamp}.csv`) });
});
