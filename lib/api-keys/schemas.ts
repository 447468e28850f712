import { z } from 'zod';
import { API_KEY_SCOPES, type ApiKeyScope } from './scopes';

export const API_KEY_EXPIRY_CHOICES = ['never', '30', '90', '365'] as const;

/** Checkbox names of the create form: one per scope (`scope:metrics:write` = "on"). */
export const scopeFieldName = (scope: ApiKeyScope) => `scope:${scope}`;

// Error messages are message keys under "errors" in messages/<locale>.json.
export const createApiKeySchema = z
  .looseObject({
    name: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(100, { error: 'nameTooLong' }),
    expiresInDays: z.enum(API_KEY_EXPIRY_CHOICES, { error: 'apiKeyExpiryInvalid' }).default('never'),
  })
  // Form data keeps one value per name, so each scope is its own checkbox.
  .transform((value) => ({
    name: value.name,
    expiresInDays: value.expiresInDays === 'never' ? null : Number(value.expiresInDays),
    scopes: API_KEY_SCOPES.filter((scope) => value[scopeFieldName(scope)] === 'on'),
  }))
  .refine((value) => value.scopes.length > 0, { path: ['scopes'], error: 'apiKeyScopesRequired' });

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ keyId: z.uuid({ error: 'required' }) });
