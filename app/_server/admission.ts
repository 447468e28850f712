import 'server-only';
import { env } from '@/lib/config/env';
import { Admission, processAdmission } from '@/lib/http/admission';
import { eventCounters } from '@/lib/metrics/counters';

/**
 * The bound a route works under: the injected one; none for a route built with injected
 * dependencies (tests, benches), so it never reads the environment; else the process's
 * (API_MAX_IN_FLIGHT, shared by the API-key and public routes: they wait on one database pool).
 */
export function routeAdmission(deps: { admission?: Admission; getDb?: unknown }): () => Admission {
  const own = deps.admission ?? (deps.getDb ? new Admission(Number.MAX_SAFE_INTEGER) : undefined);
  return () => own ?? processAdmission(env().API_MAX_IN_FLIGHT);
}

/** Runs `work` within the bound; past it answers `overloaded()` at once, before any database work, and counts it. */
export async function withinAdmission(admission: Admission, routeName: string, work: () => Promise<Response>, overloaded: () => Response): Promise<Response> {
  if (!admission.tryEnter()) {
    eventCounters().add('api_overloaded', routeName);
    return overloaded();
  }
  try {
    return await work();
  } finally {
    admission.leave();
  }
}

export const OVERLOADED_MESSAGE = 'The server is at capacity. Retry after the number of seconds in Retry-After.';
