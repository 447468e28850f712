// How many app processes `npm start` runs (WEB_CONCURRENCY, the name Heroku and others use).
import { availableParallelism } from 'node:os';

/**
 * Returns the worker count, or throws an Error whose message says what to change.
 * - unset or 1: one `next start` process, as before;
 * - a number 2–64, or "auto" (one per core): that many workers behind node:cluster.
 * More than one needs DATABASE_URL: the embedded database belongs to one process.
 */
export function webConcurrency(env = process.env) {
  const raw = (env.WEB_CONCURRENCY ?? '').trim();
  if (raw === '' || raw === '1') return 1;
  const count = raw === 'auto' ? availableParallelism() : /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    throw new Error(`WEB_CONCURRENCY must be a number of processes from 1 to 64, or "auto" (got "${raw}").`);
  }
  if (count > 1 && !env.DATABASE_URL) {
    throw new Error(
      `WEB_CONCURRENCY=${raw} needs DATABASE_URL: the embedded database in DATA_DIR can be opened by one process only. Set DATABASE_URL to a PostgreSQL server, or leave WEB_CONCURRENCY unset.`,
    );
  }
  return count;
}
