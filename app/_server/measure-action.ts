import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { measure, type MeasuredStatus } from '@/lib/metrics/instrument';

/**
 * Next.js throws to redirect and to render the 403/404 pages. Those are answers, not
 * failures: a redirect counts as 'ok', forbidden()/notFound() as 'rejected' (like a 4xx).
 * Anything else is a real failure (undefined).
 */
export function controlFlowStatus(error: unknown): MeasuredStatus | undefined {
  try {
    unstable_rethrow(error);
    return undefined;
  } catch (thrown) {
    const digest = (thrown as { digest?: unknown }).digest;
    return typeof digest === 'string' && digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') ? 'rejected' : 'ok';
  }
}

/**
 * Measures a plain server action (one that does not go through formAction) under
 * "action:<name>", e.g. measureAction('shell.signOut', ...).
 */
export function measureAction<T>(name: string, fn: () => Promise<T>): Promise<T> {
  return measure('action', name, fn, { thrownStatus: controlFlowStatus });
}
