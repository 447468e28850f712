'use server';

import { requirePermission } from '@/app/_server/session';
import { openAlertCounts } from '@/lib/alerting/queries';
import { getDb } from '@/lib/db/database';

/** A read for the header's periodic refresh; checks the reader's permission like a page. */
export async function readOpenAlertCountsAction(): Promise<Record<'info' | 'warning' | 'critical', number>> {
  await requirePermission('console.read');
  return openAlertCounts(await getDb());
}
