'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Delete in two steps; on success the action leads back to the list, which says it was deleted. */
export function DeleteMonitor({ monitorId, name, action }: { monitorId: string; name: string; action: Action }) {
  const t = useTranslations('monitors');
  const [state, formAction] = useActionState(action, initialFormState);
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <div className="flex flex-col gap-2">
      {confirming ? (
        <div role="group" aria-labelledby="delete-monitor-question" className="flex flex-col gap-2 rounded-md border-2 border-danger p-3">
          <p id="delete-monitor-question" ref={question} tabIndex={-1} className="font-medium">
            {t('deleteConfirmTitle', { name })} {t('deleteConfirmBody')}
          </p>
          <div className="flex flex-wrap gap-2">
            <form action={formAction}>
              <input type="hidden" name="monitorId" value={monitorId} />
              <SubmitButton>{t('deleteConfirm')}</SubmitButton>
            </form>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-field bg-canvas px-4 py-2 font-medium text-ink">
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button ref={opener} type="button" onClick={() => setConfirming(true)} className="self-start rounded-md border border-field bg-canvas px-4 py-2 font-medium text-ink">
          {t('delete')}
        </button>
      )}
      <p role="status" className="text-sm font-medium text-danger">
        {state.status === 'error' ? state.message : ''}
      </p>
    </div>
  );
}
