// Performance > Rate limits: an API key's requests carry the RateLimit headers and show up in its
// monthly quota; an admin blocks an IP address and lifts the block again by keyboard; the page
// passes axe in en and ar.
import { expect, test } from '@playwright/test';
import { ADMIN } from './support/accounts';
import { expectAxeClean } from './support/axe';
import { exactly, messages, rendered } from './support/messages';
import { heading, signIn } from './support/session';

test.describe.configure({ mode: 'serial' });

test('quota usage and headers of an API key, and an override set and removed by keyboard', async ({ page, request }) => {
  const k = messages.en.apiKeys;
  const m = messages.en.performance;
  await signIn(page, 'en', ADMIN);

  // A key to spend quota with.
  await page.goto('/en/settings/api-keys');
  await page.getByLabel(k.name, { exact: true }).fill('E2E quota key');
  await page.getByRole('group', { name: k.scopes }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: exactly(k.submit) }).click();
  const key = await page.getByLabel(rendered(k.secretLabel)).inputValue();
  for (let i = 0; i < 3; i++) {
    const response = await request.post('/api/v1/metrics', { headers: { authorization: `Bearer ${key}` }, data: { points: [{ metric_type: 'e2e.quota', value: i }] } });
    expect(response.status()).toBe(202);
    expect(response.headers()['ratelimit-policy']).toMatch(/^"ingest";q=\d+;w=60, "quota";q=\d+;w=\d+$/);
    expect(response.headers()['ratelimit']).toMatch(/^"ingest";r=\d+;t=\d+, "quota";r=\d+;t=\d+$/);
  }

  await page.goto('/en/performance');
  await expect(heading(page, messages.en.nav.performance)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: m.rateLimits.heading })).toBeVisible();
  await expect(page.getByRole('table', { name: m.policies.title }).getByRole('rowheader', { name: 'ingest' })).toBeVisible();
  const quotaRow = page.getByRole('table', { name: m.quotas.title }).getByRole('row').filter({ hasText: 'E2E quota key' });
  await expect(quotaRow.getByRole('cell').first()).toHaveText('3');
  await expectAxeClean(page);

  // Block an address, by keyboard only.
  await page.getByLabel(m.overrides.subjectType, { exact: true }).focus();
  await page.keyboard.press('I');
  await expect(page.getByLabel(m.overrides.subjectType, { exact: true })).toHaveValue('ip');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(m.overrides.subjectId, { exact: true })).toBeFocused();
  await page.keyboard.type('203.0.113.7');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(m.overrides.mode, { exact: true })).toBeFocused();
  await page.keyboard.press('B');
  await expect(page.getByLabel(m.overrides.mode, { exact: true })).toHaveValue('block');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(m.overrides.reason, { exact: true })).toBeFocused();
  await page.keyboard.type('e2e abuse');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: exactly(m.overrides.submit) })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: m.overrides.saved })).toBeVisible();
  const overrideRow = page.getByRole('table', { name: m.overrides.title }).getByRole('row').filter({ hasText: '203.0.113.7' });
  await expect(overrideRow).toContainText(m.overrides.blocked);
  await expectAxeClean(page);

  // And lift it again.
  const remove = overrideRow.getByRole('button', { name: `${m.overrides.remove} ${m.overrides.subjects.ip} 203.0.113.7` });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: m.overrides.title }).getByRole('row').filter({ hasText: '203.0.113.7' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: m.overrides.title })).toContainText(m.overrides.none);
});

test('the performance page passes axe in Arabic', async ({ page }) => {
  await signIn(page, 'en', ADMIN);
  await page.goto('/ar/performance');
  await expect(heading(page, messages.ar.nav.performance)).toBeVisible();
  await expectAxeClean(page);
});
