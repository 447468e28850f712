import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const TEST_STATUSES = ['passed', 'failed', 'skipped'] as const;

export const testResults = pgTable(
  'test_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    testSuite: text('test_suite').notNull(),
    testName: text('test_name').notNull(),
    status: text('status', { enum: TEST_STATUSES }).notNull(),
    durationMs: integer('duration_ms'),
    errorMessage: text('error_message'),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
    commitHash: text('commit_hash'),
  },
  (table) => [
    check('test_results_status_check', sql`${table.status} in ('passed', 'failed', 'skipped')`),
    index('test_results_commit_idx').on(table.commitHash, table.ranAt.desc()),
    index('test_results_suite_name_idx').on(table.testSuite, table.testName, table.ranAt.desc()),
  ],
);

export type TestResult = typeof testResults.$inferSelect;
