import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { ServiceError } from '../errors/service-error';
import { getSetting, getSettings, setSetting } from './settings';

describe('settings', () => {
  let t: TestDb;
  const context = { actor: { type: 'system' as const, id: 'test' }, request: {} };
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('reads defaults, stores a change with its audit entry, and refuses an invalid value', async () => {
    expect(await getSetting(t.db, 'network.allow_private_targets')).toBe(false);
    await setSetting(t.db, 'network.allow_private_targets', true, context);
    expect(await getSetting(t.db, 'network.allow_private_targets')).toBe(true);
    const entries = await t.db.select().from(auditLog);
    expect(entries.at(-1)).toMatchObject({ action: 'settings.update', targetId: 'network.allow_private_targets', before: { value: false }, after: { value: true } });
    await expect(setSetting(t.db, 'audit.retention_days', 30, context)).rejects.toBeInstanceOf(ServiceError);
    expect(await getSettings(t.db, ['audit.retention_days', 'metrics.retention_raw_days'])).toEqual({
      'audit.retention_days': 400,
      'metrics.retention_raw_days': 7,
    });
  });
});
