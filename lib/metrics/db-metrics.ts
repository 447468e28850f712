import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { DatabaseKind, Db } from '../../db/types';
import type { MetricRow } from './rows';

export const DB_SAMPLE_MS = 60_000;

interface Counters {
  atMs: number;
  blksHit: number;
  blksRead: number;
  xactCommit: number;
  xactRollback: number;
  deadlocks: number;
}

export interface DbSample {
  at: Date;
  roundTripMs: number;
  /** Postgres only (PGlite has one in-process connection and no statistics views to ask). */
  connections?: { active: number; idle: number; total: number; max: number };
  stats?: { dbSizeBytes: number; cacheHitRatio?: number; xactCommitPerS?: number; xactRollbackPerS?: number; deadlocks?: number };
}

export interface DbSamplerOptions {
  instance: string;
  /** Opens the process database lazily (the sampler must not keep start-up waiting). */
  database: () => Promise<{ db: Db; kind: DatabaseKind }>;
  /** DB_POOL_MAX: postgres.js keeps its pool counters to itself, so 'db:max' is the setting. */
  poolMax: number;
  emit: (rows: MetricRow[]) => void;
  now?: () => number;
  intervalMs?: number;
  logger?: Pick<Console, 'warn'>;
}

/**
 * Every minute, per instance: the round trip of `select 1` (both databases), and on real
 * Postgres the connections to this database by state (pg_stat_activity: all instances and
 * other clients, not just this pool) and pg_stat_database figures. Rates, the cache hit ratio
 * and deadlocks are deltas between two samples, so the first sample after start-up writes
 * only the database size; a statistics reset (counters going down) skips one interval.
 */
export class DbSampler {
  latest: DbSample | undefined;
  private previous: Counters | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private failing = false;

  constructor(private readonly options: DbSamplerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sample().catch(() => undefined), this.options.intervalMs ?? DB_SAMPLE_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async sample(): Promise<DbSample | undefined> {
    const now = this.options.now ?? Date.now;
    try {
      const { db, kind } = await this.options.database();
      const started = performance.now();
      await queryRows(db, sql`select 1`);
      const roundTripMs = performance.now() - started;
      const at = new Date(now());
      const sample: DbSample = { at, roundTripMs };
      if (kind === 'postgres') {
        sample.connections = await this.connections(db);
        sample.stats = await this.stats(db, at.getTime());
      }
      this.latest = sample;
      this.failing = false;
      this.options.emit(toRows(sample, this.options.instance));
      return sample;
    } catch (error) {
      // Logged once per outage, not every minute; readiness reports the outage itself.
      if (!this.failing) (this.options.logger ?? console).warn(`[metrics] database sample failed: ${error instanceof Error ? error.message : String(error)}`);
      this.failing = true;
      return undefined;
    }
  }

  private async connections(db: Db): Promise<NonNullable<DbSample['connections']>> {
    const rows = await queryRows<{ state: string | null; n: number }>(
      db,
      sql`select state, count(*)::int as n from pg_stat_activity
          where datname = current_database() and backend_type = 'client backend' group by state`,
    );
    let active = 0;
    let idle = 0;
    for (const row of rows) {
      // 'idle in transaction' holds a connection as surely as a running query does.
      if (row.state === 'idle') idle += Number(row.n);
      else active += Number(row.n);
    }
    return { active, idle, total: active + idle, max: this.options.poolMax };
  }

  private async stats(db: Db, atMs: number): Promise<NonNullable<DbSample['stats']>> {
    const [row] = await queryRows<Record<string, string | number>>(
      db,
      sql`select blks_hit::float8 as blks_hit, blks_read::float8 as blks_read, xact_commit::float8 as xact_commit,
                 xact_rollback::float8 as xact_rollback, deadlocks::float8 as deadlocks,
                 pg_database_size(current_database())::float8 as size
          from pg_stat_database where datname = current_database()`,
    );
    if (!row) return { dbSizeBytes: 0 };
    const current: Counters = {
      atMs,
      blksHit: Number(row.blks_hit),
      blksRead: Number(row.blks_read),
      xactCommit: Number(row.xact_commit),
      xactRollback: Number(row.xact_rollback),
      deadlocks: Number(row.deadlocks),
    };
    const stats: NonNullable<DbSample['stats']> = { dbSizeBytes: Number(row.size) };
    const before = this.previous;
    this.previous = current;
    const seconds = before ? (current.atMs - before.atMs) / 1000 : 0;
    if (!before || seconds <= 0 || current.xactCommit < before.xactCommit || current.blksHit < before.blksHit) return stats;
    const hit = current.blksHit - before.blksHit;
    const read = current.blksRead - before.blksRead;
    if (hit + read > 0) stats.cacheHitRatio = hit / (hit + read);
    stats.xactCommitPerS = (current.xactCommit - before.xactCommit) / seconds;
    stats.xactRollbackPerS = (current.xactRollback - before.xactRollback) / seconds;
    stats.deadlocks = current.deadlocks - before.deadlocks;
    return stats;
  }
}

/** The rows of one sample in the shared metric format. */
export function toRows(sample: DbSample, instance: string): MetricRow[] {
  const metadata = { instance };
  const at = sample.at;
  const row = (metricType: string, endpoint: string, metricValue: number): MetricRow => ({ metricType, endpoint, metricValue, recordedAt: at, metadata });
  const rows = [row('db_query_time', 'db:round_trip', Math.round(sample.roundTripMs * 1000) / 1000)];
  if (sample.connections) {
    const { active, idle, total, max } = sample.connections;
    rows.push(row('db_connections', 'db:active', active), row('db_connections', 'db:idle', idle), row('db_connections', 'db:total', total), row('db_connections', 'db:max', max));
  }
  if (sample.stats) {
    const { dbSizeBytes, cacheHitRatio, xactCommitPerS, xactRollbackPerS, deadlocks } = sample.stats;
    rows.push(row('db_stat', 'db_size_bytes', dbSizeBytes));
    if (cacheHitRatio !== undefined) rows.push(row('db_stat', 'cache_hit_ratio', cacheHitRatio));
    if (xactCommitPerS !== undefined) rows.push(row('db_stat', 'xact_commit_per_s', xactCommitPerS));
    if (xactRollbackPerS !== undefined) rows.push(row('db_stat', 'xact_rollback_per_s', xactRollbackPerS));
    // Deadlocks detected during the interval (not the running total since the statistics reset).
    if (deadlocks !== undefined) rows.push(row('db_stat', 'deadlocks', deadlocks));
  }
  return rows;
}
