'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Revoke in two steps: the button asks first; focus follows the question and returns on cancel. */
/**
 * Rendered for revoked keys too (without the button), so the "revoked" message survives the
 * list's refresh after the action and is still announced.
 */
export function RevokeApiKey({ keyId, name, revoked, action }: { keyId: string; name: string; revoked: boolean; action: Action }) {
  const t = useTranslations('apiKeys');
  const [state, formAction] = useActionState(action, initialFormState);
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const status = useRef<HTMLParagraphElement>(null);

  // The confirm button is gone after a revocation: keep focus on the result, not on <body>.
  useEffect(() => {
    if (state.status === 'success') status.current?.focus();
  }, [state]);

  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const questionId = `revoke-${keyId}-question`;
  return (
    <div className="flex flex-col gap-2">
      {revoked || state.status === 'success' ? null : confirming ? (
        <div role="group" aria-labelledby={questionId} className="flex flex-col gap-2 rounded-md border-2 border-danger p-3">
          <p id={questionId} ref={question} tabIndex={-1} className="font-medium">
            {t('revokeConfirmTitle', { name })} {t('revokeConfirmBody')}
          </p>
          <div className="flex flex-wrap gap-2">
            <form action={formAction}>
              <input type="hidden" name="keyId" value={keyId} />
              <SubmitButton>{t('revokeConfirm')}</SubmitButton>
            </form>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-field bg-canvas px-4 py-2 font-medium text-ink">
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={opener}
          type="button"
          onClick={() => setConfirming(true)}
          className="self-start rounded-md border border-field bg-canvas px-3 py-1.5 font-medium text-ink"
        >
          {t('revoke')}
          <span className="sr-only"> {name}</span>
        </button>
      )}
      <p ref={status} tabIndex={-1} role="status" className={state.status === 'error' ? 'text-sm font-medium text-danger' : 'text-sm text-success'}>
        {state.message}
      </p>
    </div>
  );
}
