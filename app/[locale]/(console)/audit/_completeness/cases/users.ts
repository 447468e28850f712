import type { CompletenessCase } from '../harness';

const USERS = 'app/[locale]/(console)/settings/users/actions.ts';

export const userCases: CompletenessCase[] = [
  {
    id: `${USERS}#createUserAction`,
    expect: { action: 'user.create' },
    run: async (h) => {
      const { createUserAction } = await import('@/app/[locale]/(console)/settings/users/actions');
      await h.submit(createUserAction, { name: 'Vi', email: 'vi@example.com', password: 'a long enough password', role: 'viewer' });
    },
  },
  {
    id: `${USERS}#changeRoleAction`,
    expect: { action: 'user.role_change' },
    run: async (h) => {
      const { changeRoleAction } = await import('@/app/[locale]/(console)/settings/users/actions');
      const vi = await h.createUser('viewer');
      await h.submit(changeRoleAction, { userId: vi.id, role: 'analyst' });
    },
  },
  {
    id: `${USERS}#setDisabledAction`,
    expect: { action: 'user.disable' },
    run: async (h) => {
      const { setDisabledAction } = await import('@/app/[locale]/(console)/settings/users/actions');
      const vi = await h.createUser('viewer');
      await h.submit(setDisabledAction, { userId: vi.id, disabled: 'true' });
    },
  },
  {
    id: 'app/[locale]/(console)/profile/actions.ts#savePreferencesAction',
    expect: { action: 'user.preferences_update' },
    run: async (h) => {
      const { savePreferencesAction } = await import('@/app/[locale]/(console)/profile/actions');
      await h.submit(savePreferencesAction, { locale: 'en', timeZone: 'Asia/Tokyo', theme: 'dark', highContrast: 'on' });
    },
  },
  {
    id: 'app/[locale]/setup/actions.ts#createAdminAction',
    emptyDatabase: true,
    expect: { action: 'setup.admin_created', actor: 'anonymous' },
    run: async (h) => {
      const { createAdminAction } = await import('@/app/[locale]/setup/actions');
      const target = await h.expectRedirect(() =>
        h.submit(createAdminAction, { name: 'Ada', email: 'ada@example.com', password: 'a long enough password', passwordConfirm: 'a long enough password' }),
      );
      if (target !== '/en/health') throw new Error(`setup should sign in and open the console, went to ${target}`);
    },
  },
  {
    id: 'app/[locale]/sign-in/actions.ts#signInAction',
    expect: { action: 'auth.sign_in', actor: { email: 'vi@example.com' } },
    run: async (h) => {
      const { signInAction } = await import('@/app/[locale]/sign-in/actions');
      await h.createUser('viewer', 'vi@example.com');
      h.signInAs(null);
      const target = await h.expectRedirect(() => h.submit(signInAction, { email: 'vi@example.com', password: 'a long enough password' }));
      if (target !== '/en/health') throw new Error(`sign-in should open the console, went to ${target}`);
    },
  },
];
