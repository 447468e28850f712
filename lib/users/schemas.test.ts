import { describe, expect, it } from 'vitest';
import { newUserSchema, preferencesSchema, setupSchema } from './schemas';

const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

describe('user schemas', () => {
  it('names each bad setup field with a message key', () => {
    const result = setupSchema.safeParse({ name: ' ', email: 'nope', password: 'short', passwordConfirm: 'other' });
    expect(issues(result)).toEqual({ name: 'required', email: 'emailInvalid', password: 'passwordTooShort', passwordConfirm: 'passwordMismatch' });
    const mismatch = setupSchema.safeParse({ name: 'A', email: 'a@b.co', password: 'twelve chars!', passwordConfirm: 'twelve chars?' });
    expect(issues(mismatch)).toEqual({ passwordConfirm: 'passwordMismatch' });
  });

  it('normalises email to lower case and trims the name', () => {
    expect(newUserSchema.parse({ name: ' Bo ', email: ' Bo@Example.COM ', password: 'twelve chars!', role: 'viewer' })).toMatchObject({
      name: 'Bo',
      email: 'bo@example.com',
    });
  });

  it('refuses an unknown role, locale or time zone', () => {
    expect(issues(newUserSchema.safeParse({ name: 'B', email: 'b@c.de', password: 'twelve chars!', role: 'root' }))).toEqual({ role: 'roleInvalid' });
    expect(issues(preferencesSchema.safeParse({ locale: 'fr', timeZone: 'Mars/Olympus', theme: 'dark' }))).toEqual({
      locale: 'localeInvalid',
      timeZone: 'timeZoneInvalid',
    });
    expect(preferencesSchema.parse({ locale: 'ja', timeZone: 'Asia/Tokyo', theme: 'light', highContrast: 'on' })).toMatchObject({ highContrast: true });
    // An unchecked checkbox is absent from the form data: that means off, not an error.
    expect(preferencesSchema.parse({ locale: 'ja', timeZone: 'Asia/Tokyo', theme: 'light' })).toMatchObject({ highContrast: false });
  });
});
