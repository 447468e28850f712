import { getTranslations } from 'next-intl/server';

const MARK = { running: '◔', succeeded: '✓', failed: '✕' } as const;
const TONE = { running: 'text-ink', succeeded: 'text-success', failed: 'text-danger' } as const;

/** Status as a word plus a mark: never colour alone. */
export async function JobStatus({ status }: { status: keyof typeof MARK }) {
  const t = await getTranslations('jobs.statuses');
  return (
    <span className={`font-medium ${TONE[status]}`}>
      <span aria-hidden="true">{MARK[status]} </span>
      {t(status)}
    </span>
  );
}
