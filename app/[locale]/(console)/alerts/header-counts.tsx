import 'server-only';
import { AlertCountsLive } from '@/components/alerts/AlertCountsLive';
import { openAlertCounts } from '@/lib/alerting/queries';
import { getDb } from '@/lib/db/database';
import { readOpenAlertCountsAction } from './counts-action';

/** Open alerts by severity for the console header (every page); refreshed by the client. */
export async function HeaderAlertCounts() {
  const counts = await openAlertCounts(await getDb());
  return <AlertCountsLive initial={counts} refresh={readOpenAlertCountsAction} />;
}
