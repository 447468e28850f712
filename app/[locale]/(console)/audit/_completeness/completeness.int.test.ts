/**
 * Every mutation entry point writes its audit entry: a list that must be complete, not a sample.
 *
 * discoverMutations() finds every server action (each export of an actions.ts / *-actions.ts
 * file under app/) and every route handler exporting POST, PUT, PATCH or DELETE (except the
 * delegating Auth.js and Inngest routes, see DELEGATING_ROUTES). Each one needs a case in
 * ./cases: the case calls the entry point itself, on a real database (PGlite, or Postgres with
 * DATABASE_URL), and this test asserts the audit entry it wrote and that the chain still
 * verifies. A new entry point without a case fails the first test below, so new code cannot
 * skip its audit entry unnoticed. A server action that only reads is named, with the reason,
 * in ./cases/read-only.ts instead.
 *
 * Only the framework around the entry points is replaced: the session (who is signed in), the
 * request headers, translations, revalidation, redirects, and Auth.js's signIn(), which is
 * replaced by what its credentials provider does (app/_server/auth.ts: authorize ->
 * lib/auth/authenticate).
 */
import { fileURLToPath } from 'node:url';
import { desc, eq, gt } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import type { Db } from '@/db/types';
import type { RequestMeta } from '@/lib/audit/context';
import { walkAuditChain } from '@/lib/audit/verify';
import { createUser } from '@/lib/users/create-user';
import { findActiveUser, type SessionUser } from '@/lib/users/queries';
import { createFirstAdmin } from '@/lib/users/setup';
import { initialFormState } from '@/components/forms/form-state';
import { CASES } from './cases';
import { DATA_INGEST_ROUTES, READ_ONLY_ACTIONS } from './cases/read-only';
import { discoverMutations } from './discover';
import { NavigationSignal, type CompletenessCase, type Harness } from './harness';

// Entry points may read the validated environment (lib/config/env.ts), which demands these
// secrets whenever DATABASE_URL is set (the Postgres run); the tests use throw-away values.
vi.hoisted(() => {
  process.env.AUTH_SECRET ??= 'completeness-test-auth-secret-not-for-production';
  process.env.ENCRYPTION_KEY ??= Buffer.from('completeness-test-key-32-bytes!!').toString('base64');
});

const state = vi.hoisted(() => ({
  db: undefined as unknown as Db,
  user: null as SessionUser | null,
  request: { requestId: 'completeness-request', ip: '192.0.2.10', userAgent: 'completeness-test' } as RequestMeta,
  locale: 'en',
}));

vi.mock('@/lib/db/database', () => ({
  getDb: async () => state.db,
  getDatabase: async () => ({ db: state.db, kind: 'pglite', close: async () => {} }),
}));

vi.mock('@/app/_server/request-meta', () => ({ REQUEST_ID_HEADER: 'x-request-id', requestMeta: async () => state.request }));

vi.mock('@/app/_server/session', async () => {
  const { can } = await import('@/lib/auth/permissions');
  const { NavigationSignal: Signal } = await import('./harness');
  const requireUser = async () => {
    if (!state.user) throw new Signal('redirect', `/${state.locale}/sign-in`);
    return state.user;
  };
  return {
    getCurrentUser: async () => state.user,
    isSetupDone: async () => true,
    requireUser,
    requirePermission: async (permission: Parameters<typeof can>[1]) => {
      const user = await requireUser();
      if (!can(user.role, permission)) throw new Signal('forbidden');
      return user;
    },
    userContext: async (user: SessionUser) => ({ actor: { type: 'user', id: user.id, role: user.role, email: user.email }, request: state.request }),
  };
});

// next-auth itself: only its error classes are used outside app/_server/auth.ts (mocked below).
vi.mock('next-auth', () => {
  class AuthError extends Error {
    type = 'AuthError';
  }
  class CredentialsSignin extends AuthError {
    code = 'credentials';
  }
  return { AuthError, CredentialsSignin };
});

vi.mock('@/app/_server/auth', async () => {
  const { CredentialsSignin } = await import('next-auth');
  const { authenticate } = await import('@/lib/auth/authenticate');
  const { NavigationSignal: Signal } = await import('./harness');
  return {
    auth: async () => null,
    handlers: {},
    // What the credentials provider's authorize() does, then Auth.js's redirect.
    signIn: async (_provider: string, options: { email: string; password: string; redirectTo: string }) => {
      const result = await authenticate(state.db, { email: options.email, password: options.password }, state.request);
      if (!result.ok) {
        const error = new CredentialsSignin();
        error.code = result.reason === 'locked' ? 'locked' : 'invalid';
        throw error;
      }
      throw new Signal('redirect', options.redirectTo);
    },
    signOut: async (options: { redirectTo: string }) => {
      throw new Signal('redirect', options.redirectTo);
    },
  };
});

vi.mock('next-intl/server', () => {
  const translator = (namespace?: string) =>
    Object.assign((key: string, values?: Record<string, unknown>) => `${namespace ? `${namespace}.` : ''}${key}${values ? ` ${JSON.stringify(values)}` : ''}`, {
      has: () => true,
      raw: (key: string) => key,
    });
  return {
    getTranslations: async (namespace?: string) => translator(namespace),
    getLocale: async () => state.locale,
    getTimeZone: async () => 'UTC',
    getFormatter: async () => ({ dateTime: (date: Date) => date.toISOString(), number: (n: number) => String(n) }),
  };
});

vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

vi.mock('next/headers', () => {
  const jar = new Map<string, string>();
  return {
    headers: async () =>
      new Headers({ 'x-request-id': state.request.requestId ?? '', 'user-agent': state.request.userAgent ?? '', 'x-forwarded-for': state.request.ip ?? '' }),
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      has: (name: string) => jar.has(name),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
    }),
  };
});

vi.mock('next/navigation', async () => {
  const { NavigationSignal: Signal } = await import('./harness');
  return {
    redirect: (target: string) => {
      throw new Signal('redirect', target);
    },
    permanentRedirect: (target: string) => {
      throw new Signal('redirect', target);
    },
    notFound: () => {
      throw new Signal('notFound');
    },
    forbidden: () => {
      throw new Signal('forbidden');
    },
    unauthorized: () => {
      throw new Signal('forbidden');
    },
    unstable_rethrow: (error: unknown) => {
      if (error instanceof Signal) throw error;
    },
  };
});

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const PASSWORD = 'a long enough password';

let open: TestDb | undefined;
afterEach(async () => {
  state.user = null;
  await open?.close();
  open = undefined;
});

async function harnessFor(testCase: Pick<CompletenessCase, 'emptyDatabase'>): Promise<Harness> {
  open = await createTestDb();
  state.db = open.db;
  state.user = null;
  const anonymous = { actor: { type: 'anonymous' as const }, request: state.request };
  if (!testCase.emptyDatabase) {
    const admin = await createFirstAdmin(state.db, { name: 'Ada', email: 'ada@example.com', password: PASSWORD, passwordConfirm: PASSWORD }, anonymous);
    state.user = await findActiveUser(state.db, admin.id);
  }
  const harness: Harness = {
    db: state.db,
    user: state.user,
    request: state.request,
    signInAs: (user) => {
      state.user = user;
    },
    createUser: async (role, email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`) => {
      const admin = harness.user!;
      const context = { actor: { type: 'user' as const, id: admin.id, role: admin.role, email: admin.email }, request: state.request };
      const created = await createUser(state.db, { name: role, email, password: PASSWORD, role }, context);
      return (await findActiveUser(state.db, created.id))!;
    },
    submit: async (action, fields) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.set(key, value);
      const result = await action(initialFormState, data);
      if (result.status === 'error') throw new Error(`the action answered with an error: ${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`);
      return result;
    },
    expectRedirect: async (call) => {
      try {
        await call();
        return undefined;
      } catch (error) {
        if (error instanceof NavigationSignal && error.kind === 'redirect') return error.target;
        throw error;
      }
    },
  };
  return harness;
}

/** Runs a case and checks the entry it must have written; throws (with what was written) when it did not. */
async function runCase(testCase: CompletenessCase): Promise<void> {
  const h = await harnessFor(testCase);
  const actingUser = h.user;
  const [last] = await h.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const maxId = last?.id ?? 0;
  await testCase.run(h);
  const written = await h.db.select().from(auditLog).where(gt(auditLog.id, maxId)).orderBy(auditLog.id);
  const expected = testCase.expect;
  let actorId: string | null | undefined;
  if (expected.actor === 'anonymous') actorId = null;
  else if (expected.actor && typeof expected.actor === 'object') {
    const email = expected.actor.email;
    const [row] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    actorId = row?.id;
  } else actorId = actingUser?.id;
  const match = written.find(
    (entry) => entry.action === expected.action && entry.outcome === (expected.outcome ?? 'success') && (entry.actorId ?? null) === (actorId ?? null),
  );
  if (!match) {
    const summary = written.map((entry) => `${entry.action}/${entry.outcome} by ${entry.actorType}:${entry.actorId ?? '-'}`).join(', ') || 'nothing';
    throw new Error(`${testCase.id} should write ${expected.action} (${expected.outcome ?? 'success'}) by ${actorId ?? 'anonymous'}; it wrote: ${summary}`);
  }
  if (match.requestId !== state.request.requestId) throw new Error(`${testCase.id}: the entry lacks the request id`);
  const chain = await walkAuditChain(h.db);
  if (!chain.ok) throw new Error(`${testCase.id}: the chain no longer verifies: ${chain.broken?.detail}`);
}

describe('audit completeness', () => {
  it('every mutating server action and route handler has a case, and every case an entry point', () => {
    const { mutations, problems } = discoverMutations(ROOT);
    const covered = new Set([...CASES.map((c) => c.id), ...Object.keys(READ_ONLY_ACTIONS), ...Object.keys(DATA_INGEST_ROUTES)]);
    const missing = mutations.filter((m) => !covered.has(m.id)).map((m) => `${m.id} (${m.kind})`);
    const stale = [...covered].filter((id) => !mutations.some((m) => m.id === id));
    expect(
      { problems, missing, stale },
      'add a case in app/[locale]/(console)/audit/_completeness/cases for each missing entry point',
    ).toEqual({ problems: [], missing: [], stale: [] });
  });

  it('the check fails for an entry point that writes no audit entry', async () => {
    const silent: CompletenessCase = { id: 'silent#mutation', expect: { action: 'user.create' }, run: async () => undefined };
    await expect(runCase(silent)).rejects.toThrow(/should write user.create/);
  });

  for (const testCase of CASES) {
    it(`${testCase.id} writes ${testCase.expect.action}`, async () => {
      await runCase(testCase);
    });
  }
});
