'use client';

import { useTranslations } from 'next-intl';
import { ConfirmedAction } from '@/components/forms/ConfirmedAction';
import type { FormState } from '@/components/forms/form-state';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/**
 * Revoke in two steps: the button asks first; focus follows the question and returns on cancel.
 * Rendered for revoked keys too (without the button), so the "revoked" message survives the
 * list's refresh after the action and is still announced.
 */
export function RevokeApiKey({ keyId, name, revoked, action }: { keyId: string; name: string; revoked: boolean; action: Action }) {
  const t = useTranslations('apiKeys');
  return (
    <ConfirmedAction
      id={`revoke-${keyId}-question`}
      action={action}
      fields={{ keyId }}
      openLabel={
        <>
          {t('revoke')}
          <span className="sr-only"> {name}</span>
        </>
      }
      question={`${t('revokeConfirmTitle', { name })} ${t('revokeConfirmBody')}`}
      confirmLabel={t('revokeConfirm')}
      cancelLabel={t('cancel')}
      done={revoked}
      announceSuccess
    />
  );
}
