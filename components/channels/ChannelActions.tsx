'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { ToggleActive } from '@/components/forms/ToggleActive';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

function OneButton({ channelId, label, name, action }: { channelId: string; label: string; name: string; action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="channelId" value={channelId} />
      <SubmitButton variant="secondary">
        {label}
        <span className="sr-only"> {name}</span>
      </SubmitButton>
      <p role="status" className={state.status === 'error' ? 'text-sm font-medium text-danger' : 'text-sm text-success'}>
        {state.message}
      </p>
    </form>
  );
}

/** Send test, enable/disable and delete for one channel row. */
export function ChannelActions(props: { channelId: string; name: string; isActive: boolean; testAction: Action; setActiveAction: Action; deleteAction: Action }) {
  const t = useTranslations('channels');
  return (
    <div className="flex flex-wrap gap-2">
      <OneButton channelId={props.channelId} name={props.name} label={t('sendTest')} action={props.testAction} />
      <ToggleActive fields={{ channelId: props.channelId }} name={props.name} isActive={props.isActive} labels={{ turnOff: t('disable'), turnOn: t('enable') }} action={props.setActiveAction} />
      <OneButton channelId={props.channelId} name={props.name} label={t('delete')} action={props.deleteAction} />
    </div>
  );
}
