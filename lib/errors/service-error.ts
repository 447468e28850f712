/**
 * Errors as types: lib functions throw these; entry points map them once to an HTTP status
 * (route handlers) or a translated form message (server actions). Anything else is a bug and
 * its text never reaches the client.
 */
export type ServiceErrorKind = 'not_found' | 'forbidden' | 'unauthorized' | 'conflict' | 'invalid' | 'rate_limited';

export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    /** A message key under the "errors" namespace of messages/<locale>.json. */
    readonly messageKey: string,
    readonly details: { field?: string; retryAfterSeconds?: number } = {},
  ) {
    super(`${kind}: ${messageKey}`);
    this.name = 'ServiceError';
  }
}

export const HTTP_STATUS: Record<ServiceErrorKind, number> = {
  not_found: 404,
  forbidden: 403,
  unauthorized: 401,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
};

export const notFound = (key = 'notFound') => new ServiceError('not_found', key);
export const forbidden = (key = 'forbidden') => new ServiceError('forbidden', key);
export const conflict = (key: string, field?: string) => new ServiceError('conflict', key, { field });
export const invalid = (key: string, field?: string) => new ServiceError('invalid', key, { field });
