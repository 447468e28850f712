'use client';

import { useTranslations } from 'next-intl';
import { ConfirmedAction } from '@/components/forms/ConfirmedAction';
import type { FormState } from '@/components/forms/form-state';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Delete in two steps; on success the action leads back to the list, which says it was deleted. */
export function DeleteMonitor({ monitorId, name, action }: { monitorId: string; name: string; action: Action }) {
  const t = useTranslations('monitors');
  return (
    <ConfirmedAction
      id="delete-monitor-question"
      action={action}
      fields={{ monitorId }}
      openLabel={t('delete')}
      question={`${t('deleteConfirmTitle', { name })} ${t('deleteConfirmBody')}`}
      confirmLabel={t('deleteConfirm')}
      cancelLabel={t('cancel')}
    />
  );
}
