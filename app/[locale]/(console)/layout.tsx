import type { ReactNode } from 'react';
import { requireUser } from '@/app/_server/session';
import { ConsoleShell } from '@/components/shell/ConsoleShell';
import { AREAS } from '@/components/shell/areas';
import { can } from '@/lib/auth/permissions';
import { signOutAction, switchLocaleAction } from './shell-actions';

// Every console page reads the session and the database: never prerender.
export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // Only areas the role can open are offered; each page still checks for itself.
  const areas = AREAS.filter((area) => can(user.role, area.permission)).map(({ key, href }) => ({ key, href }));
  return (
    <ConsoleShell areas={areas} user={user} signOutAction={signOutAction} switchLocaleAction={switchLocaleAction}>
      {children}
    </ConsoleShell>
  );
}
