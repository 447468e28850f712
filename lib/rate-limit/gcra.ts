/**
 * GCRA (generic cell rate algorithm): a sliding limit of `limit` requests per `windowMs`
 * kept as one number per key, the theoretical arrival time (TAT). Each request moves the TAT
 * forward by `windowMs / limit`; a request is refused when that would put the TAT more than
 * one window ahead of now. Unlike a fixed window there is no boundary at which a client can
 * send two windows' worth at once. The stores run `step` atomically (a Map, one SQL
 * statement, one Lua script) and this file turns the stored TAT into the answer.
 */
export interface GcraParams {
  limit: number;
  windowMs: number;
  cost?: number;
}

export interface StoreDecision {
  allowed: boolean;
  /** The TAT after the decision (unchanged when refused). */
  tatMs: number;
}

export interface LimitState {
  allowed: boolean;
  limit: number;
  /** Requests still allowed right now. */
  remaining: number;
  /** Seconds until the full limit is available again. */
  resetSeconds: number;
  /** Seconds until this request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

export function emissionInterval({ limit, windowMs }: GcraParams): number {
  return windowMs / Math.max(1, limit);
}

/** The pure step every store implements: given the stored TAT (or none), the new TAT and verdict. */
export function step(storedTat: number | undefined, nowMs: number, params: GcraParams): StoreDecision {
  const tat = Math.max(storedTat ?? 0, nowMs);
  const next = tat + emissionInterval(params) * (params.cost ?? 1);
  if (params.limit <= 0 || next - nowMs > params.windowMs) return { allowed: false, tatMs: storedTat ?? nowMs };
  return { allowed: true, tatMs: next };
}

export function describe(decision: StoreDecision, nowMs: number, params: GcraParams): LimitState {
  const interval = emissionInterval(params);
  const ahead = Math.max(0, decision.tatMs - nowMs);
  const remaining = params.limit <= 0 ? 0 : Math.max(0, Math.floor((params.windowMs - ahead) / interval + 1e-9));
  const retryMs = decision.allowed ? 0 : params.limit <= 0 ? params.windowMs : ahead + interval * (params.cost ?? 1) - params.windowMs;
  return {
    allowed: decision.allowed,
    limit: Math.max(0, params.limit),
    remaining,
    resetSeconds: Math.ceil(ahead / 1000),
    retryAfterSeconds: decision.allowed ? 0 : Math.max(1, Math.ceil(retryMs / 1000)),
  };
}
