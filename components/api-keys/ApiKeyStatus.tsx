import { getTranslations } from 'next-intl/server';
import type { ApiKeyStatus as Status } from '@/lib/api-keys/queries';

const MARK = { active: '✓', revoked: '✕', expired: '⏱' } as const;
const TONE = { active: 'text-success', revoked: 'text-danger', expired: 'text-ink' } as const;
const LABEL = { active: 'statusActive', revoked: 'statusRevoked', expired: 'statusExpired' } as const;

/** Status as a word plus a mark: never colour alone. */
export async function ApiKeyStatus({ status }: { status: Status }) {
  const t = await getTranslations('apiKeys');
  return (
    <span className={`font-medium ${TONE[status]}`}>
      <span aria-hidden="true">{MARK[status]} </span>
      {t(LABEL[status])}
    </span>
  );
}
