import { getFormatter, getTranslations } from 'next-intl/server';
import type { AuditVerification } from '@/lib/audit/verify';

const REASONS = ['hash_mismatch', 'prev_hash_mismatch', 'gap'] as const;

/** "Chain verified up to entry N at time T", or where it broke, or that it never ran. */
export async function ChainStatus({ verification }: { verification: AuditVerification | null }) {
  const t = await getTranslations('audit.chain');
  const format = await getFormatter();
  if (!verification) return <p>{t('never')}</p>;
  const time = format.dateTime(verification.verifiedAt, { dateStyle: 'medium', timeStyle: 'medium' });
  const checked = t('entriesChecked', { count: verification.entriesChecked });
  if (verification.ok) {
    return (
      <p>
        {verification.upToId === null ? t('verifiedEmpty', { time }) : t('verifiedUpTo', { id: String(verification.upToId), time })} {checked}
      </p>
    );
  }
  const reason = REASONS.find((known) => verification.detail?.startsWith(known));
  return (
    <p className="font-medium text-danger">
      {t('broken', { id: String(verification.brokenAtId ?? ''), time, reason: reason ? t(`reasons.${reason}`) : (verification.detail ?? '') })}
    </p>
  );
}
