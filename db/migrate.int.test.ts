import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseErrorMessage } from './errors';
import { queryRows } from './rows';
import { migrationStatus } from './migrate';
import { auditLog } from './schema';
import { createTestDb, type TestDb } from './testing/test-db';

describe('migrations', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('leaves the database current with the committed journal', async () => {
    const status = await migrationStatus(t.db);
    expect(status.current).toBe(true);
    expect(status.applied).toBe(status.expected);
  });

  it('creates the five tables of the brief with their columns', async () => {
    const rows = await queryRows<{ table_name: string; column_name: string }>(
      t.db,
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
    );
    const columns = (table: string) => rows.filter((r) => r.table_name === table).map((r) => r.column_name);
    expect(columns('production_metrics')).toEqual(['id', 'metric_type', 'metric_value', 'endpoint', 'recorded_at', 'metadata']);
    // Alerting (issue 4) adds columns after the brief's own, which stay first and unchanged.
    expect(columns('alert_rules').slice(0, 8)).toEqual([
      'id', 'rule_name', 'metric_type', 'threshold', 'condition', 'notification_channels', 'is_active', 'created_by',
    ]);
    expect(columns('system_alerts').slice(0, 7)).toEqual(['id', 'alert_rule_id', 'severity', 'message', 'resolved', 'resolved_at', 'created_at']);
    expect(columns('performance_cache')).toEqual(['id', 'cache_key', 'cache_value', 'ttl_seconds', 'created_at', 'expires_at', 'hit_count']);
    expect(columns('test_results')).toEqual([
      'id', 'test_suite', 'test_name', 'status', 'duration_ms', 'error_message', 'ran_at', 'commit_hash',
    ]);
  });

  it('keeps audit_log append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const [entry] = await t.db
      .insert(auditLog)
      .values({ actorType: 'system', action: 'test.entry', outcome: 'success' })
      .returning();
    expect(entry).toBeDefined();
    const refusal = (query: Promise<unknown>) => query.then(() => 'allowed', databaseErrorMessage);
    expect(await refusal(t.db.execute(sql`update audit_log set action = 'x' where id = ${entry!.id}`))).toMatch(/append-only: UPDATE/);
    expect(await refusal(t.db.execute(sql`delete from audit_log where id = ${entry!.id}`))).toMatch(/append-only: DELETE/);
    expect(await refusal(t.db.execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE/);
    const rows = await t.db.select().from(auditLog);
    expect(rows.map((r) => r.action)).toEqual(['test.entry']);
  });
});
