import { redirect } from 'next/navigation';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { conflict } from '@/lib/errors/service-error';
import { setMeasurementSink, type Measurement } from '@/lib/metrics/instrument';
import { metricSeries } from '@/lib/metrics/rows';

const requirePermission = vi.fn();
// 'errors' knows every key; an area's namespace ('area.errors' here) knows only its own.
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) =>
    namespace === 'errors'
      ? Object.assign((key: string) => `t:${key}`, { has: () => true })
      : Object.assign((key: string) => `${namespace}:${key}`, { has: (key: string) => key === 'ownKey' }),
}));
vi.mock('./session', () => ({
  requirePermission: (...args: unknown[]) => requirePermission(...args),
  userContext: async () => ({ actor: { type: 'user', id: 'u1', role: 'admin', email: 'a@example.com' }, request: {} }),
}));
vi.mock('./request-meta', () => ({ requestMeta: async () => ({}) }));
vi.mock('@/lib/db/database', () => ({ getDb: async () => ({}) }));

const { formAction } = await import('./form-action');

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe('formAction measurement', () => {
  const seen: Measurement[] = [];
  beforeEach(() => {
    setMeasurementSink((measurement) => seen.push(measurement));
    requirePermission.mockResolvedValue({ id: 'u1', role: 'admin' });
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    setMeasurementSink(undefined);
    seen.length = 0;
    vi.restoreAllMocks();
  });

  const schema = z.object({ email: z.email() });
  const action = formAction({ name: 'settings/users.createUser', schema, permission: 'users.manage' }, async (input) => {
    if (input.email === 'taken@example.com') throw conflict('emailTaken', 'email');
    if (input.email === 'bug@example.com') throw new RangeError('bug');
    if (input.email === 'go@example.com') redirect('/en/health');
    return { status: 'success' };
  });
  const outcome = () => seen.map(({ kind, name, status, errorClass }) => ({ kind, name, status, errorClass }));

  it("records one 'api_response_time' measurement per call under action:<name>", async () => {
    expect(await action({ status: 'idle' }, form({ email: 'new@example.com' }))).toEqual({ status: 'success' });
    expect(outcome()).toEqual([{ kind: 'action', name: 'settings/users.createUser', status: 'ok', errorClass: undefined }]);
    expect(metricSeries(seen[0]!)).toEqual({ metricType: 'api_response_time', endpoint: 'action:settings/users.createUser' });
    expect(seen[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('counts invalid input and service errors as rejected, unexpected errors as errors, redirects as ok', async () => {
    expect((await action({ status: 'idle' }, form({ email: 'nope' }))).status).toBe('error');
    expect((await action({ status: 'idle' }, form({ email: 'taken@example.com' }))).fieldErrors).toEqual({ email: 't:emailTaken' });
    expect((await action({ status: 'idle' }, form({ email: 'bug@example.com' }))).message).toBe('t:unexpected');
    await expect(action({ status: 'idle' }, form({ email: 'go@example.com' }))).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') });
    expect(outcome().map(({ status, errorClass }) => [status, errorClass])).toEqual([
      ['rejected', undefined],
      ['rejected', undefined],
      ['error', 'RangeError'],
      ['ok', undefined],
    ]);
  });

  it('counts a refused role (the 403 page) as rejected', async () => {
    requirePermission.mockRejectedValue(Object.assign(new Error('NEXT_HTTP_ERROR_FALLBACK;403'), { digest: 'NEXT_HTTP_ERROR_FALLBACK;403' }));
    await expect(action({ status: 'idle' }, form({ email: 'new@example.com' }))).rejects.toThrow();
    expect(outcome()).toEqual([{ kind: 'action', name: 'settings/users.createUser', status: 'rejected', errorClass: undefined }]);
  });
});

describe("formAction with an area's messages", () => {
  beforeEach(() => {
    requirePermission.mockResolvedValue({ id: 'u1', role: 'admin' });
  });

  it("finds a field's message in the area's namespace first, then in 'errors'", async () => {
    const schema = z.object({ name: z.string().min(1, 'ownKey'), email: z.email('emailInvalid') });
    const action = formAction({ name: 'alerts/rules.create', schema, permission: 'alerts.manage', messages: 'area.errors' }, async () => ({ status: 'success' }));
    const result = await action({ status: 'idle' }, form({ name: '', email: 'nope' }));
    expect(result.fieldErrors).toEqual({ name: 'area.errors:ownKey', email: 't:emailInvalid' });
  });
});
