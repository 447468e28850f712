import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { checkReadiness, createCachedReadiness } from './readiness';

describe('checkReadiness', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.close());

  it('is ready on a migrated database', async () => {
    expect(await checkReadiness(async () => t.db)).toEqual({ ready: true, database: 'ok', migrations: 'current' });
  });

  it('reports pending migrations when one is missing from the database', async () => {
    await t.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    expect(await checkReadiness(async () => t.db)).toMatchObject({ ready: false, reason: 'migrations_pending' });
  });

  it('reports an unreachable database without leaking the driver message', async () => {
    const result = await checkReadiness(async () => {
      throw new Error('connect ECONNREFUSED 10.1.2.3:5432 password=secret');
    });
    expect(result).toEqual({ ready: false, reason: 'database_unreachable' });
  });

  it('reuses an answer for a second, checks once for concurrent probes, and sees a change after that', async () => {
    let now = 1_000_000;
    let opened = 0;
    const ready = createCachedReadiness(async () => {
      opened++;
      return t.db;
    }, { clock: () => now });
    const first = await Promise.all(Array.from({ length: 50 }, () => ready()));
    expect(first.every((result) => result.ready)).toBe(true);
    expect(opened).toBe(1);
    await t.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    now += 999;
    expect(await ready()).toMatchObject({ ready: true });
    now += 1;
    expect(await ready()).toMatchObject({ ready: false, reason: 'migrations_pending' });
    expect(opened).toBe(2);
  });
});
