import type { ApiKeyScope } from '@/lib/api-keys/scopes';

/** The message (under "apiKeys") describing each scope; a new scope fails typecheck until it has one. */
export const SCOPE_MESSAGE_KEYS = {
  'metrics:write': 'scopeMetricsWrite',
  'events:write': 'scopeEventsWrite',
} as const satisfies Record<ApiKeyScope, string>;
