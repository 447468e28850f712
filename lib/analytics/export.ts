import type { Db } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import { toCsv } from './csv';
import type { DayRange } from './days';
import { exportTable, type ExportTable } from './tables';

/** An analytics table as CSV; the export is audited ('analytics.export') before the file is handed out. */
export async function exportAnalyticsCsv(db: Db, table: ExportTable, range: DayRange, currency: string, context: MutationContext): Promise<string> {
  const { header, rows } = await exportTable(db, table, range, currency);
  await recordAudit(db, context, { action: 'analytics.export', target: { type: 'analytics_table', id: table }, after: { ...range, currency, rows: rows.length } });
  return toCsv(header, rows);
}
