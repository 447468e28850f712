import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/config/env';
import { resolveAuthSecret } from '@/lib/config/auth-secret';
import { authenticate } from '@/lib/auth/authenticate';
import { getDb } from '@/lib/db/database';
import { signInSchema } from '@/lib/users/schemas';
import { requestMeta } from './request-meta';

export class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}
export class LockedOut extends CredentialsSignin {
  code = 'locked';
}

const config = env();
// Secure cookies in production; AUTH_COOKIE_SECURE=false is only for trying the console
// over plain HTTP on a private network.
const secureCookies = config.NODE_ENV === 'production' && process.env.AUTH_COOKIE_SECURE !== 'false';

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: resolveAuthSecret(config),
  // Self-hosted behind the operator's own load balancer: the Host header is theirs to set.
  trustHost: true,
  useSecureCookies: secureCookies,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60, updateAge: 60 * 60 },
  pages: { signIn: '/en/sign-in' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authenticate(await getDb(), parsed.data, await requestMeta());
        if (!result.ok) throw result.reason === 'locked' ? new LockedOut() : new InvalidCredentials();
        return { id: result.user.id, email: result.user.email, name: result.user.displayName };
      },
    }),
  ],
  callbacks: {
    // The token carries only the user id; role, locale and status are read fresh on every
    // request (app/_server/session.ts) so a role change or a disabled account applies at once.
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  logger: {
    error(error) {
      // A wrong password is not a server error; it is already in the audit log.
      if (error.name === 'CredentialsSignin' || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error.name, error.message);
    },
    warn() {},
  },
});
