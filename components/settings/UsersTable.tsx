import { getFormatter, getTranslations } from 'next-intl/server';
import type { FormState } from '@/components/forms/form-state';
import type { UserListRow } from '@/lib/users/queries';
import { ROLE_MESSAGE_KEYS } from './role-options';
import { UserRowActions } from './UserRowActions';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

interface Props {
  users: UserListRow[];
  currentUserId: string;
  changeRoleAction: Action;
  setDisabledAction: Action;
}

export async function UsersTable({ users, currentUserId, changeRoleAction, setDisabledAction }: Props) {
  const t = await getTranslations('settingsUsers');
  const format = await getFormatter();
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-start text-lg font-semibold">{t('listTitle')}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="p-2 text-start">{t('name')}</th>
            <th scope="col" className="p-2 text-start">{t('email')}</th>
            <th scope="col" className="p-2 text-start">{t('role')}</th>
            <th scope="col" className="p-2 text-start">{t('status')}</th>
            <th scope="col" className="p-2 text-start">{t('lastSignIn')}</th>
            <th scope="col" className="p-2 text-start">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-b border-line align-top">
              <th scope="row" className="p-2 text-start font-medium">{user.displayName}</th>
              <td className="p-2">{user.email}</td>
              <td className="p-2">{t(ROLE_MESSAGE_KEYS[user.role])}</td>
              <td className="p-2">{user.disabledAt ? t('statusDisabled') : t('statusActive')}</td>
              <td className="p-2">
                {user.lastSignInAt ? (
                  <time dateTime={user.lastSignInAt.toISOString()}>{format.dateTime(user.lastSignInAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                ) : (
                  t('never')
                )}
              </td>
              <td className="p-2">
                <UserRowActions
                  user={{ id: user.id, email: user.email, role: user.role, disabled: Boolean(user.disabledAt) }}
                  isSelf={user.id === currentUserId}
                  changeRoleAction={changeRoleAction}
                  setDisabledAction={setDisabledAction}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
