import { sql } from 'drizzle-orm';
import type { Db } from '../../db/types';
import { migrationStatus } from '../../db/migrate';

export type Readiness =
  | { ready: true; database: 'ok'; migrations: 'current' }
  | { ready: false; reason: 'database_unreachable' | 'migrations_pending'; detail?: string };

/** Ready means: the database answers and every committed migration is applied. */
export async function checkReadiness(getDb: () => Promise<Db>, timeoutMs = 3_000): Promise<Readiness> {
  let db: Db;
  try {
    db = await withTimeout(getDb(), timeoutMs);
    await withTimeout(db.execute(sql`select 1`), timeoutMs);
  } catch {
    // The driver's message can contain host names; keep it out of a public endpoint.
    return { ready: false, reason: 'database_unreachable' };
  }
  const status = await migrationStatus(db);
  if (!status.current) {
    return { ready: false, reason: 'migrations_pending', detail: `${status.applied} of ${status.expected} applied` };
  }
  return { ready: true, database: 'ok', migrations: 'current' };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** How long one readiness answer is reused. */
export const READINESS_MAX_AGE_MS = 1_000;

/**
 * checkReadiness at most once per `maxAgeMs` per process, one check at a time: a load balancer
 * (or a thousand clients) probing every instance several times a second would otherwise add
 * two queries and a file read per probe to the database it is meant to watch. An answer is
 * at most a second old, which is finer than any probe interval.
 */
export function createCachedReadiness(getDb: () => Promise<Db>, { maxAgeMs = READINESS_MAX_AGE_MS, clock = () => Date.now() } = {}) {
  let last: { at: number; result: Readiness } | undefined;
  let inFlight: Promise<Readiness> | undefined;
  return async function cachedReadiness(): Promise<Readiness> {
    if (last && clock() - last.at < maxAgeMs) return last.result;
    inFlight ??= checkReadiness(getDb)
      .then((result) => {
        last = { at: clock(), result };
        return result;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}
