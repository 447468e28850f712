import { getTranslations } from 'next-intl/server';
import type { MonitorStatus as Status } from '@/db/schema';

export type DisplayStatus = Status | 'pending' | 'paused';

const MARK: Record<DisplayStatus, string> = { up: '✓', degraded: '◐', down: '✕', pending: '…', paused: '⏸' };
const TONE: Record<DisplayStatus, string> = { up: 'text-success', degraded: 'text-warning', down: 'text-danger', pending: 'text-ink', paused: 'text-ink' };
const LABEL = { up: 'statusUp', degraded: 'statusDegraded', down: 'statusDown', pending: 'statusPending', paused: 'statusPaused' } as const;

export function displayStatus(isActive: boolean, lastStatus: Status | null): DisplayStatus {
  if (!isActive) return 'paused';
  return lastStatus ?? 'pending';
}

/** Status as a word plus a mark: never colour alone. */
export async function MonitorStatus({ status }: { status: DisplayStatus }) {
  const t = await getTranslations('monitors');
  return (
    <span className={`font-medium ${TONE[status]}`}>
      <span aria-hidden="true">{MARK[status]} </span>
      {t(LABEL[status])}
    </span>
  );
}
