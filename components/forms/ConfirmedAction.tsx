'use client';

import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export interface ConfirmedActionProps {
  /** Unique on the page: the question's id. */
  id: string;
  action: Action;
  /** Hidden form fields posted with the confirmation (the id of what is acted on). */
  fields: Record<string, string>;
  /** The first button's text; name the object (sr-only) when a list shows several. */
  openLabel: ReactNode;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Hide the buttons (e.g. a key already revoked); the status line stays to be announced. */
  done?: boolean;
  /** Show the success message too (and keep focus on it), not only errors. */
  announceSuccess?: boolean;
}

/**
 * A destructive action in two steps: the first button asks (focus moves to the question), the
 * second acts; Cancel returns focus to the first button. The status line is always rendered, so
 * a result is announced even when the action removes the buttons.
 */
export function ConfirmedAction({ id, action, fields, openLabel, question, confirmLabel, cancelLabel, done = false, announceSuccess = false }: ConfirmedActionProps) {
  const [state, formAction] = useActionState(action, initialFormState);
  const [confirming, setConfirming] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const status = useRef<HTMLParagraphElement>(null);
  const finished = done || (announceSuccess && state.status === 'success');

  // The confirm button is gone after success: keep focus on the result, not on <body>.
  useEffect(() => {
    if (announceSuccess && state.status === 'success') status.current?.focus();
  }, [state, announceSuccess]);

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const message = announceSuccess || state.status === 'error' ? state.message : '';
  return (
    <div className="flex flex-col gap-2">
      {finished ? null : confirming ? (
        <div role="group" aria-labelledby={id} className="flex flex-col gap-2 rounded-md border-2 border-danger p-3">
          <p id={id} ref={questionRef} tabIndex={-1} className="font-medium">
            {question}
          </p>
          <div className="flex flex-wrap gap-2">
            <form action={formAction}>
              {Object.entries(fields).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <SubmitButton>{confirmLabel}</SubmitButton>
            </form>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-field bg-canvas px-4 py-2 font-medium text-ink">
              {cancelLabel}
            </button>
          </div>
        </div>
      ) : (
        <button ref={opener} type="button" onClick={() => setConfirming(true)} className="self-start rounded-md border border-field bg-canvas px-4 py-2 font-medium text-ink">
          {openLabel}
        </button>
      )}
      <p ref={status} tabIndex={-1} role="status" className={state.status === 'error' ? 'text-sm font-medium text-danger' : 'text-sm text-success'}>
        {message}
      </p>
    </div>
  );
}
