import type { AuditAction } from '@/lib/audit/actions';
import type { Db } from '@/db/types';
import type { FormState } from '@/components/forms/form-state';
import type { RequestMeta } from '@/lib/audit/context';
import type { SessionUser } from '@/lib/users/queries';

/** What a case may expect of the entry its mutation writes. */
export interface ExpectedEntry {
  action: AuditAction;
  outcome?: 'success' | 'denied' | 'failed';
  /** Default: the user signed in when the case started; 'anonymous' (setup), or a user by email (sign-in). */
  actor?: 'signed-in user' | 'anonymous' | { email: string };
}

export type FormActionFn = (state: FormState, data: FormData) => Promise<FormState>;

/** Everything a case needs: a real database, a signed-in user, and ways to call an entry point. */
export interface Harness {
  db: Db;
  /** The signed-in admin (null when the case asked for an empty database). */
  user: SessionUser | null;
  request: RequestMeta;
  /** Signs another user in for the calls that follow. */
  signInAs(user: SessionUser | null): void;
  /** Creates a user with a role (directly in lib, audited like any other) and returns it. */
  createUser(role: 'admin' | 'analyst' | 'viewer', email?: string): Promise<SessionUser>;
  /** Calls a formAction-wrapped action with form fields; fails the case on an error answer. */
  submit(action: FormActionFn, fields: Record<string, string>): Promise<FormState>;
  /** Calls anything that may end in redirect(); returns the redirect target, if any. */
  expectRedirect(call: () => Promise<unknown>): Promise<string | undefined>;
}

export interface CompletenessCase {
  /** "<file>#<export>", as discovered (e.g. "app/[locale]/(console)/jobs/actions.ts#runJobNowAction"). */
  id: string;
  /** Start with no user at all (first-run setup); otherwise an admin is set up and signed in. */
  emptyDatabase?: boolean;
  expect: ExpectedEntry;
  /** Calls the entry point itself (the action or route handler, not the lib function below it). */
  run(h: Harness): Promise<unknown>;
}

/** Signals thrown by the mocked next/navigation, so cases can see redirects and refusals. */
export class NavigationSignal extends Error {
  constructor(
    readonly kind: 'redirect' | 'notFound' | 'forbidden',
    readonly target?: string,
  ) {
    super(`${kind}${target ? ` ${target}` : ''}`);
    this.name = 'NavigationSignal';
  }
  get digest() {
    return this.kind === 'redirect' ? `NEXT_REDIRECT;replace;${this.target};307;` : `NEXT_HTTP_ERROR_FALLBACK;${this.kind === 'notFound' ? 404 : 403}`;
  }
}
