import type { CompletenessCase } from '../harness';

const SHELL = 'app/[locale]/(console)/shell-actions.ts';

export const shellCases: CompletenessCase[] = [
  {
    id: `${SHELL}#signOutAction`,
    expect: { action: 'auth.sign_out' },
    run: async (h) => {
      const { signOutAction } = await import('@/app/[locale]/(console)/shell-actions');
      const target = await h.expectRedirect(() => signOutAction());
      if (target !== '/en/sign-in') throw new Error(`sign-out should land on sign-in, went to ${target}`);
    },
  },
  {
    id: `${SHELL}#switchLocaleAction`,
    expect: { action: 'user.preferences_update' },
    run: async (h) => {
      const { switchLocaleAction } = await import('@/app/[locale]/(console)/shell-actions');
      const data = new FormData();
      data.set('locale', 'ja');
      data.set('path', '/audit');
      const target = await h.expectRedirect(() => switchLocaleAction(data));
      if (target !== '/ja/audit') throw new Error(`switching should stay on the page, went to ${target}`);
    },
  },
];
