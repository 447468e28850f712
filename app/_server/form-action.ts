import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import type { MutationContext } from '@/lib/audit/context';
import { getDb } from '@/lib/db/database';
import { ServiceError } from '@/lib/errors/service-error';
import { errorClassOf, recordMeasurement, type MeasuredStatus } from '@/lib/metrics/instrument';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/users/queries';
import type { FormState } from '@/components/forms/form-state';
import { controlFlowStatus } from './measure-action';
import { requestMeta } from './request-meta';
import { requirePermission, userContext } from './session';

export interface ActionScope<User> {
  db: Db;
  user: User;
  context: MutationContext;
}

type Handler<Input, User> = (input: Input, scope: ActionScope<User>) => Promise<FormState | void>;

interface FormActionOptions<Schema extends z.ZodType, P extends Permission | null> {
  /**
   * "<area>/<name>", e.g. 'settings/users.createUser': every call is measured under
   * "action:<name>" (duration and outcome) for the System health area. Required, so no
   * action goes unmeasured.
   */
  name: string;
  schema: Schema;
  permission: P;
  /**
   * A message namespace of the area (e.g. 'alertRules.errors') whose keys the schema's messages
   * may name; looked up before 'errors', so an area keeps its messages together.
   */
  messages?: string;
}

/**
 * A server action is a public POST endpoint: every one goes through this wrapper, which
 * parses the form with zod, checks the permission (null only for the anonymous setup and
 * sign-in forms), builds the audit context, and turns ServiceErrors into messages in the
 * user's language. Unknown errors are logged and never shown. Each call is measured:
 * 'ok' (including a redirect), 'rejected' (invalid input, a ServiceError, a refused role) or
 * 'error' (an unexpected error, with its class).
 */
export function formAction<Schema extends z.ZodType>(
  options: FormActionOptions<Schema, Permission>,
  handler: Handler<z.infer<Schema>, SessionUser>,
): (previous: FormState, formData: FormData) => Promise<FormState>;
export function formAction<Schema extends z.ZodType>(
  options: FormActionOptions<Schema, null>,
  handler: Handler<z.infer<Schema>, null>,
): (previous: FormState, formData: FormData) => Promise<FormState>;
export function formAction<Schema extends z.ZodType>(
  options: FormActionOptions<Schema, Permission | null>,
  // The overloads tie permission null to user null; inside, both shapes are handled.
  handler: Handler<z.infer<Schema>, SessionUser> | Handler<z.infer<Schema>, null>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const started = performance.now();
    let status: MeasuredStatus = 'ok';
    let errorClass: string | undefined;
    try {
      return await run(formData, (outcome, error) => {
        status = outcome;
        errorClass = error;
      });
    } catch (error) {
      status = controlFlowStatus(error) ?? 'error';
      if (status === 'error') errorClass = errorClassOf(error);
      throw error;
    } finally {
      recordMeasurement({ kind: 'action', name: options.name, durationMs: performance.now() - started, status, errorClass });
    }
  };

  async function run(formData: FormData, outcome: (status: MeasuredStatus, errorClass?: string) => void): Promise<FormState> {
    const t = await getTranslations('errors');
    // The namespace is a string chosen by the action; next-intl types namespaces as literals.
    const area = options.messages ? await getTranslations(options.messages as never) : null;
    const translate = (key: string) =>
      area?.has(key as never) ? area(key as never) : t.has(key as never) ? t(key as never) : t('unexpected');
    const raw = Object.fromEntries(
      [...formData.entries()].filter(([key, value]) => !key.startsWith('$ACTION') && typeof value === 'string'),
    ) as Record<string, string>;
    // Echo back what was typed (never passwords) so a failed submit loses nothing.
    const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !/password/i.test(key)));
    try {
      const user = options.permission ? await requirePermission(options.permission) : null;
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? 'form');
          fieldErrors[field] ??= translate(issue.message);
        }
        outcome('rejected');
        return { status: 'error', message: t('fixFields'), fieldErrors, values };
      }
      const context = user ? await userContext(user) : { actor: { type: 'anonymous' as const }, request: await requestMeta() };
      const result = await (handler as Handler<z.infer<Schema>, SessionUser | null>)(parsed.data, { db: await getDb(), user, context });
      // A handler's own error answer (wrong credentials, a failed run) is a refusal, not a failure of ours.
      if (result?.status === 'error') outcome('rejected');
      return result ?? { status: 'success' };
    } catch (error) {
      unstable_rethrow(error); // redirect(), forbidden() and notFound() are not failures
      if (error instanceof ServiceError) {
        outcome('rejected');
        const message = translate(error.messageKey);
        return {
          status: 'error',
          message,
          fieldErrors: error.details.field ? { [error.details.field]: message } : undefined,
          values,
        };
      }
      console.error('[action] unexpected error', error instanceof Error ? error.stack : error);
      outcome('error', errorClassOf(error));
      return { status: 'error', message: t('unexpected'), values };
    }
  }
}
