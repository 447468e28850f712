// Settings > API keys: an admin creates a key by keyboard, sees the secret once, uses it against
// POST /api/v1/metrics (202, then 422 naming the bad field), revokes it (then 403); every state of
// the page passes axe in en and ar; a viewer gets the 403 page.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, VIEWER } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { exactly, messages, rendered, type Locale } from './support/messages';
import { heading, signIn } from './support/session';
import { createUser } from './support/users';

test.describe.configure({ mode: 'serial' });

const KEY_PATTERN = /^smm_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/;

/** Creates a key with the keyboard only and returns the secret shown once. */
async function createKeyByKeyboard(page: Page, locale: Locale, name: string): Promise<string> {
  const m = messages[locale].apiKeys;
  await page.goto(`/${locale}/settings/api-keys`);
  await expect(heading(page, m.title)).toBeVisible();
  const nameField = page.getByLabel(m.name, { exact: true });
  await nameField.focus();
  await page.keyboard.type(name);
  // Name -> scope checkboxes (none ticked: least privilege; tick metrics:write) -> expiry -> submit.
  const scopes = page.getByRole('group', { name: m.scopes }).getByRole('checkbox');
  await page.keyboard.press('Tab');
  await expect(scopes.first()).toBeFocused();
  await expect(scopes.first()).toHaveAccessibleName(/metrics:write/);
  await expect(scopes.first()).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(scopes.first()).toBeChecked();
  for (let i = 1; i < (await scopes.count()); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(m.expiry, { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: exactly(m.submit) })).toBeFocused();
  await page.keyboard.press('Enter');

  // Announced (role=alert), then focus lands on the key itself, selected for copying.
  await expect(page.getByRole('alert').filter({ hasText: rendered(m.created) })).toBeVisible();
  const secret = page.getByLabel(rendered(m.secretLabel));
  await expect(secret).toBeFocused();
  await expect(page.getByText(m.secretWarning)).toBeVisible();
  const value = await secret.inputValue();
  expect(value).toMatch(KEY_PATTERN);
  return value;
}

const point = (value: unknown) => ({ metric_type: 'e2e.latency', value, endpoint: 'GET /e2e' });

test('an admin creates a key by keyboard, uses it, and revokes it', async ({ page, request }) => {
  const m = messages.en.apiKeys;
  await signIn(page, 'en', ADMIN);
  await page.goto('/en/settings/api-keys');
  await expect(heading(page, m.title)).toBeVisible();
  await expectAxeClean(page);

  const key = await createKeyByKeyboard(page, 'en', 'E2E service');
  await expectAxeClean(page);
  // The list shows the prefix, never the secret.
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'E2E service' }) });
  await expect(row).toContainText(key.split('_')[1]!);
  await expect(row).not.toContainText(key.split('_').slice(2).join('_'));
  await expect(row).toContainText(m.statusActive);
  // Gone after a reload: it was shown once.
  await page.reload();
  await expect(page.getByLabel(rendered(m.secretLabel))).toHaveCount(0);

  const headers = { authorization: `Bearer ${key}` };
  const accepted = await request.post('/api/v1/metrics', { headers, data: { points: [point(12.5), point(13)] } });
  expect(accepted.status()).toBe(202);
  expect(await accepted.json()).toEqual({ accepted: 2 });

  const refused = await request.post('/api/v1/metrics', { headers, data: { points: [point(1), point('fast'), { ...point(2), recorded_at: 'yesterday' }] } });
  expect(refused.status()).toBe(422);
  const body = (await refused.json()) as { error: string; issues: Array<{ path: string; message: string }> };
  expect(body.error).toBe('validation_failed');
  expect(body.issues.map((issue) => issue.path)).toEqual(['points[1].value', 'points[2].recorded_at']);

  // Last used is now filled in.
  await page.reload();
  await expect(row.getByRole('cell').nth(3)).not.toHaveText(m.never);

  // Revoke by keyboard: the question takes focus, confirm, the result is announced.
  const revoke = row.getByRole('button', { name: `${m.revoke} E2E service` });
  await revoke.focus();
  await page.keyboard.press('Enter');
  await expect(row.getByText(rendered(m.revokeConfirmTitle))).toBeFocused();
  await expectAxeClean(page);
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: exactly(m.revokeConfirm) })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row.getByRole('status')).toHaveText(m.revoked);
  await expect(row).toContainText(m.statusRevoked);

  const afterRevoke = await request.post('/api/v1/metrics', { headers, data: { points: [point(1)] } });
  expect(afterRevoke.status()).toBe(403);
  expect(((await afterRevoke.json()) as { error: string }).error).toBe('api_key_revoked');
  const noKey = await request.post('/api/v1/metrics', { data: { points: [point(1)] } });
  expect(noKey.status()).toBe(401);
  await expectAxeClean(page);
});

test('the API keys page and the one-time secret pass axe in Arabic', async ({ page }) => {
  await signIn(page, 'en', ADMIN);
  const m = messages.ar.apiKeys;
  await page.goto('/ar/settings/api-keys');
  await expect(heading(page, m.title)).toBeVisible();
  await expectAxeClean(page);
  // No scope ticked: refused, with the reason on the scopes group, in Arabic.
  await page.getByLabel(m.name, { exact: true }).fill('بلا صلاحيات');
  await page.getByRole('button', { name: exactly(m.submit) }).click();
  await expect(page.getByRole('group', { name: m.scopes })).toHaveAccessibleDescription(messages.ar.errors.apiKeyScopesRequired);
  await expect(page.getByLabel(m.name, { exact: true })).toHaveValue('بلا صلاحيات');
  await expectAxeClean(page);
  await createKeyByKeyboard(page, 'ar', 'خدمة الاختبار');
  await expectAxeClean(page);
});

test('the OpenAPI document describes the ingest request', async ({ request }) => {
  const response = await request.get('/api/v1/openapi.json');
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.paths['/api/v1/metrics']).toBeTruthy();
  expect(doc.components.schemas.MetricPoint).toBeTruthy();
});

test('a viewer opening Settings > API keys gets the 403 page', async ({ page }) => {
  await signIn(page, 'en', ADMIN);
  await createUser(page, { ...VIEWER, role: 'viewer' });
  await page.context().clearCookies();
  await signIn(page, 'en', VIEWER);
  const response = await page.goto('/en/settings/api-keys');
  expect(response?.status()).toBe(403);
  await expect(heading(page, messages.en.forbidden.title)).toBeVisible();
});
