/**
 * Every scope an API key can carry, in one typed list. Later issues append theirs
 * ('events:write', ...); a route handler names the one scope it needs.
 */
export const API_KEY_SCOPES = ['metrics:write', 'events:write'] as const;

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}
