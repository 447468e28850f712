'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { initialFormState, type FormState } from '@/components/forms/form-state';
import { SelectField } from '@/components/forms/SelectField';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { ROLE_MESSAGE_KEYS, ROLES } from './role-options';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

interface Props {
  user: { id: string; email: string; role: string; disabled: boolean };
  isSelf: boolean;
  changeRoleAction: Action;
  setDisabledAction: Action;
}

/** Role change and disable/enable for one row; each result is announced in the row's status. */
export function UserRowActions({ user, isSelf, changeRoleAction, setDisabledAction }: Props) {
  const t = useTranslations('settingsUsers');
  const [roleState, roleAction] = useActionState(changeRoleAction, initialFormState);
  const [disableState, disableAction] = useActionState(setDisabledAction, initialFormState);
  const status = [roleState, disableState].find((s) => s.status !== 'idle');
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form action={roleAction} className="flex items-end gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <SelectField
          name="role"
          idPrefix={`role-${user.id}-`}
          label={t('roleFor', { email: user.email })}
          hideLabel
          defaultValue={user.role}
          options={ROLES.map((role) => ({ value: role, label: t(ROLE_MESSAGE_KEYS[role]) }))}
        />
        <SubmitButton variant="secondary">{t('changeRole')}</SubmitButton>
      </form>
      {!isSelf && (
        <form action={disableAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
          <SubmitButton variant="secondary">{user.disabled ? t('enable') : t('disable')}</SubmitButton>
        </form>
      )}
      <p role="status" className={status?.status === 'error' ? 'text-sm font-medium text-danger' : 'text-sm text-success'}>
        {status?.message}
      </p>
    </div>
  );
}
