import { z } from 'zod';
import { ROLES, THEMES } from '../../db/schema';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password';
import { LOCALES, isTimeZone } from '../i18n/config';
import { isIsoCurrency } from '../events/schema';

// Error messages are message keys under "errors" in messages/<locale>.json; the entry point
// translates them into the user's language.
export const emailSchema = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(254, { error: 'emailInvalid' })
  .pipe(z.email({ error: 'emailInvalid' }))
  .transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string({ error: 'required' })
  .min(1, { error: 'required' })
  .min(PASSWORD_MIN_LENGTH, { error: 'passwordTooShort' })
  .max(PASSWORD_MAX_LENGTH, { error: 'passwordTooLong' });

export const displayNameSchema = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(100, { error: 'nameTooLong' });

export const roleSchema = z.enum(ROLES, { error: 'roleInvalid' });

export const setupSchema = z
  .object({
    name: displayNameSchema,
    email: emailSchema,
    password: passwordSchema,
    passwordConfirm: z.string({ error: 'required' }),
  })
  .refine((value) => value.password === value.passwordConfirm, {
    path: ['passwordConfirm'],
    error: 'passwordMismatch',
  });

export const newUserSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
  role: roleSchema,
});

export const changeRoleSchema = z.object({ userId: z.uuid({ error: 'required' }), role: roleSchema });
export const setDisabledSchema = z.object({
  userId: z.uuid({ error: 'required' }),
  disabled: z.enum(['true', 'false']).transform((value) => value === 'true'),
});

export const preferencesSchema = z.object({
  locale: z.enum(LOCALES, { error: 'localeInvalid' }),
  timeZone: z
    .string({ error: 'required' })
    .trim()
    .refine(isTimeZone, { error: 'timeZoneInvalid' }),
  theme: z.enum(THEMES, { error: 'themeInvalid' }),
  // The analytics area shows amounts in it (converted at each day's exchange rate).
  displayCurrency: z.string({ error: 'required' }).refine(isIsoCurrency, { error: 'currencyInvalid' }).optional(),
  // An unchecked checkbox is simply absent from the form data.
  highContrast: z
    .enum(['on', 'true', 'false', ''])
    .optional()
    .transform((value) => value === 'on' || value === 'true'),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(PASSWORD_MAX_LENGTH, { error: 'passwordTooLong' }),
});

export type SetupInput = z.infer<typeof setupSchema>;
export type NewUserInput = z.infer<typeof newUserSchema>;
export type PreferencesInput = z.infer<typeof preferencesSchema>;
