import type { Role } from '../../db/schema';

/** Who is acting. Every mutation knows its actor; jobs and anonymous visitors included. */
export type Actor =
  | { type: 'user'; id: string; role: Role; email: string }
  | { type: 'api_key'; id: string }
  | { type: 'system'; id: string }
  | { type: 'webhook'; id: string }
  | { type: 'anonymous'; id?: undefined };

/** Where a request came from, for the audit trail. */
export interface RequestMeta {
  requestId?: string;
  ip?: string;
  userAgent?: string;
}

export interface MutationContext {
  actor: Actor;
  request: RequestMeta;
}

export const systemActor = (jobId: string): Actor => ({ type: 'system', id: jobId });
