'use client';

import { useActionState } from 'react';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SubmitButton } from '@/components/forms/SubmitButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/**
 * Switches something on or off in one press: posts `fields` plus `active` (the new state). The
 * button names the object for screen readers; the result is announced in a status line.
 */
export function ToggleActive({ fields, name, isActive, labels, action }: { fields: Record<string, string>; name: string; isActive: boolean; labels: { turnOff: string; turnOn: string }; action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      {Object.entries(fields).map(([field, value]) => (
        <input key={field} type="hidden" name={field} value={value} />
      ))}
      <input type="hidden" name="active" value={isActive ? 'false' : 'true'} />
      <SubmitButton variant="secondary">
        {isActive ? labels.turnOff : labels.turnOn}
        <span className="sr-only"> {name}</span>
      </SubmitButton>
      <p role="status" className={state.status === 'error' ? 'text-sm font-medium text-danger' : 'text-sm text-success'}>
        {state.message}
      </p>
    </form>
  );
}
