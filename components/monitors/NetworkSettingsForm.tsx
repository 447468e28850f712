'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/FormMessage';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function NetworkSettingsForm({ action, allowPrivateTargets }: { action: Action; allowPrivateTargets: boolean }) {
  const t = useTranslations('networkSettings');
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-4" noValidate aria-describedby="network-status">
      <FormMessage state={state} id="network-status" />
      <div className="flex items-start gap-2">
        <input
          id="allowPrivateTargets"
          name="allowPrivateTargets"
          type="checkbox"
          defaultChecked={allowPrivateTargets}
          aria-describedby="allowPrivateTargets-hint"
          className="mt-1 h-5 w-5 accent-[rgb(var(--accent))]"
        />
        <div>
          <label htmlFor="allowPrivateTargets" className="font-medium">
            {t('allowPrivate')}
          </label>
          <p id="allowPrivateTargets-hint" className="text-sm text-muted">
            {t('allowPrivateHint')}
          </p>
        </div>
      </div>
      <div>
        <SubmitButton>{t('save')}</SubmitButton>
      </div>
    </form>
  );
}
