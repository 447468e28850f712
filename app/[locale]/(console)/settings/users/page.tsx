import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/app/_server/session';
import { CreateUserForm } from '@/components/settings/CreateUserForm';
import { UsersTable } from '@/components/settings/UsersTable';
import { PageHeader } from '@/components/shell/PageHeader';
import { getDb } from '@/lib/db/database';
import { listUsers } from '@/lib/users/queries';
import { changeRoleAction, createUserAction, setDisabledAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settingsUsers'))('title') };
}

export default async function UsersPage() {
  const me = await requirePermission('users.manage');
  const t = await getTranslations('settingsUsers');
  const users = await listUsers(await getDb());
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <section aria-labelledby="create-user-title" className="mb-10 max-w-xl">
        <h2 id="create-user-title" className="mb-4 text-lg font-semibold">
          {t('createTitle')}
        </h2>
        <CreateUserForm action={createUserAction} />
      </section>
      <UsersTable users={users} currentUserId={me.id} changeRoleAction={changeRoleAction} setDisabledAction={setDisabledAction} />
    </>
  );
}
