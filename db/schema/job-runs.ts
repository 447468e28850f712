import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const JOB_TRIGGERS = ['cron', 'event', 'manual'] as const;
export const JOB_ENGINES = ['inngest', 'in_process'] as const;
export const JOB_STATUSES = ['running', 'succeeded', 'failed'] as const;

export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    functionId: text('function_id').notNull(),
    trigger: text('trigger', { enum: JOB_TRIGGERS }).notNull(),
    engine: text('engine', { enum: JOB_ENGINES }).notNull(),
    // The cron tick this run belongs to (in-process scheduler). Unique per function, so
    // two app instances can never both claim one tick.
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('running'),
    error: text('error'),
  },
  (table) => [
    check('job_runs_trigger_check', sql`${table.trigger} in ('cron', 'event', 'manual')`),
    check('job_runs_engine_check', sql`${table.engine} in ('inngest', 'in_process')`),
    check('job_runs_status_check', sql`${table.status} in ('running', 'succeeded', 'failed')`),
    uniqueIndex('job_runs_function_tick_key').on(table.functionId, table.scheduledFor),
    index('job_runs_started_at_idx').on(table.startedAt.desc()),
  ],
);

export type JobRun = typeof jobRuns.$inferSelect;
