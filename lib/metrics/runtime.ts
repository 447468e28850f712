import { hostname } from 'node:os';
import type { DatabaseKind, Db } from '../../db/types';
import { BUCKET_SECONDS, MetricsAggregator } from './aggregator';
import { DbSampler } from './db-metrics';
import { setMeasurementSink } from './instrument';
import { ProcessSampler } from './process-metrics';

/** Names this process in metadata.instance: several app instances may share one database. */
export const instanceId = `${hostname()}:${process.pid}`;

// Flush just after each 10-second boundary, so a bucket reaches the database at most about a
// second after it closes.
const FLUSH_DELAY_AFTER_BOUNDARY_MS = 250;

interface MetricsRuntime {
  aggregator: MetricsAggregator;
  processSampler?: ProcessSampler;
  dbSampler?: DbSampler;
  flushTimer?: ReturnType<typeof setTimeout>;
  database?: () => Promise<{ db: Db; kind: DatabaseKind }>;
}

// Next bundles instrumentation, route handlers and pages separately: one runtime per process
// lives on globalThis, like the database and the job scheduler.
const globalKey = Symbol.for('smm.metrics.runtime');
type GlobalWithRuntime = typeof globalThis & { [globalKey]?: MetricsRuntime };

function runtime(): MetricsRuntime {
  const holder = globalThis as GlobalWithRuntime;
  if (!holder[globalKey]) {
    const aggregator = new MetricsAggregator({ instance: instanceId });
    holder[globalKey] = { aggregator };
    // Whoever touches the runtime first, measurements from then on reach this aggregator.
    setMeasurementSink(aggregator.record);
  }
  return holder[globalKey];
}

/** The process-wide aggregator (created on first use; /api/metrics reads it). */
export function getAggregator(): MetricsAggregator {
  return runtime().aggregator;
}

export function getSamplers(): { process?: ProcessSampler; db?: DbSampler } {
  const { processSampler, dbSampler } = runtime();
  return { process: processSampler, db: dbSampler };
}

/**
 * Installs the aggregator as the measurement sink and starts, once per process, the flusher
 * (every 10 s), the process sampler (every 10 s) and the database sampler (every minute).
 * Timers are unref'd: metrics never keep a process alive.
 */
export function startMetrics(options: { database: () => Promise<{ db: Db; kind: DatabaseKind }>; poolMax: number }): void {
  const state = runtime();
  setMeasurementSink(state.aggregator.record);
  if (state.database) return;
  state.database = options.database;
  const emit = (rows: Parameters<MetricsAggregator['enqueue']>[0]) => state.aggregator.enqueue(rows);
  state.processSampler = new ProcessSampler({ instance: instanceId, emit });
  state.processSampler.start();
  state.dbSampler = new DbSampler({ instance: instanceId, database: options.database, poolMax: options.poolMax, emit });
  state.dbSampler.start();
  void state.dbSampler.sample();
  scheduleFlush(state);
}

function scheduleFlush(state: MetricsRuntime): void {
  const bucketMs = BUCKET_SECONDS * 1000;
  const delay = bucketMs - (Date.now() % bucketMs) + FLUSH_DELAY_AFTER_BOUNDARY_MS;
  state.flushTimer = setTimeout(() => {
    void (async () => {
      try {
        const { db } = await state.database!();
        await state.aggregator.flush(db);
      } catch {
        // The aggregator logs failed flushes and keeps the rows; a database that cannot be
        // opened just means the rows wait.
      } finally {
        if (state.flushTimer) scheduleFlush(state);
      }
    })();
  }, delay);
  state.flushTimer.unref();
}

/** Stops the timers and writes everything measured so far, the bucket in progress included. */
export async function stopMetrics(): Promise<void> {
  const state = runtime();
  if (state.flushTimer) clearTimeout(state.flushTimer);
  state.flushTimer = undefined;
  state.processSampler?.stop();
  state.dbSampler?.stop();
  const database = state.database;
  state.database = undefined;
  if (!database) return;
  const { db } = await database();
  await state.aggregator.flush(db, { final: true });
}
