import { requirePermission, userContext } from '@/app/_server/session';
import { exportAnalyticsCsv } from '@/lib/analytics/export';
import { dayRange, parseAnalyticsRange } from '@/lib/analytics/range';
import { EXPORT_TABLES, type ExportTable } from '@/lib/analytics/tables';
import { getDb } from '@/lib/db/database';
import { instrumentRoute } from '@/lib/metrics/route';

export const dynamic = 'force-dynamic';

/** One analytics table as CSV, in the analyst's display currency; audited as 'analytics.export'. */
export const GET = instrumentRoute('GET /[locale]/analytics/export', async (request: Request) => {
  const user = await requirePermission('analytics.read');
  const params = new URL(request.url).searchParams;
  const table = params.get('table');
  if (!EXPORT_TABLES.includes(table as ExportTable)) return new Response('Unknown table', { status: 404 });
  const rangeKey = parseAnalyticsRange(params.get('range'));
  const range = dayRange(rangeKey, new Date());
  const csv = await exportAnalyticsCsv(await getDb(), table as ExportTable, range, user.displayCurrency, await userContext(user));
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="analytics-${table}-${range.from}-${range.to}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
