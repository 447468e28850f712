import type { Db } from '../../db/types';
import { claimTick } from './claim-tick';
import { nextCronRun } from './cron';
import { jobDefinitions, type JobDefinition } from './definitions';
import { executeRun, jobErrorText, type JobRunOutcome } from './run-job';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type TickResult =
  | { functionId: string; scheduledFor: Date; status: 'ran'; outcome: JobRunOutcome }
  | { functionId: string; scheduledFor: Date; status: 'locked' | 'overlap' | 'taken' }
  | { functionId: string; scheduledFor: Date; status: 'error'; error: string };

export interface SchedulerOptions {
  db: Db;
  definitions?: readonly JobDefinition[];
  now?: () => Date;
  timers?: Timers;
  logger?: Pick<Console, 'info' | 'error'>;
  /** Called after every tick this instance handled, claimed or not (for tests and logs). */
  onTick?: (result: TickResult) => void;
}

export interface JobScheduler {
  start(): void;
  /** Stops arming ticks and waits for the runs in flight. */
  stop(): Promise<void>;
  /** Resolves once no tick is in flight. */
  idle(): Promise<void>;
}

// setTimeout overflows past 2^31-1 ms (about 24.8 days) and would fire at once.
const MAX_DELAY_MS = 2_147_483_647;

// Looked up at call time, not import time, so vi.useFakeTimers() applies.
const globalTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The in-process engine: runs the job definitions on their cron expressions when Inngest
 * is not configured. Any number of app instances may run it against one database; each
 * tick runs once (see claimTick).
 *
 * Missed ticks are not replayed: after a restart (or a timer that fires late) only the
 * next tick from now is armed. Jobs here are idempotent sweeps, so the next tick does the
 * missed work, and replaying a backlog after downtime would only stampede the database.
 */
export function createScheduler(options: SchedulerOptions): JobScheduler {
  const { db, onTick } = options;
  const definitions = options.definitions ?? jobDefinitions;
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? globalTimers;
  const logger = options.logger ?? console;
  const armed = new Map<string, unknown>();
  const inFlight = new Set<Promise<void>>();
  let running = false;

  function arm(definition: JobDefinition, after: Date): void {
    if (!running) return;
    const next = nextCronRun(definition.cron, after);
    if (!next) return;
    const delay = next.getTime() - now().getTime();
    const handle =
      delay > MAX_DELAY_MS
        ? timers.setTimeout(() => arm(definition, now()), MAX_DELAY_MS)
        : timers.setTimeout(() => fire(definition, next), Math.max(0, delay));
    armed.set(definition.id, handle);
  }

  function fire(definition: JobDefinition, scheduledFor: Date): void {
    if (!running) return;
    // Arm from whichever is later: a late timer skips the ticks it missed, an early one
    // (clock adjusted) must not arm the same tick again.
    const current = now();
    arm(definition, current > scheduledFor ? current : scheduledFor);
    const work = tick(definition, scheduledFor).then((result) => {
      try {
        onTick?.(result);
      } catch (error) {
        logger.error(`[jobs] onTick failed: ${jobErrorText(error)}`);
      }
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }

  async function tick(definition: JobDefinition, scheduledFor: Date): Promise<TickResult> {
    const base = { functionId: definition.id, scheduledFor };
    try {
      const claim = await claimTick(db, definition, scheduledFor, now);
      if (claim.status !== 'claimed') return { ...base, status: claim.status };
      const outcome = await executeRun(db, definition, claim.runId, { startedAt: claim.startedAt, now });
      if (outcome.status === 'failed') logger.error(`[jobs] ${definition.id} failed: ${outcome.error}`);
      return { ...base, status: 'ran', outcome };
    } catch (error) {
      // The database itself failed (claim or bookkeeping); the next tick tries again.
      const message = jobErrorText(error);
      logger.error(`[jobs] ${definition.id} tick ${scheduledFor.toISOString()} not run: ${message}`);
      return { ...base, status: 'error', error: message };
    }
  }

  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  }

  return {
    start() {
      if (running) return;
      running = true;
      for (const definition of definitions) arm(definition, now());
    },
    async stop() {
      running = false;
      for (const handle of armed.values()) timers.clearTimeout(handle);
      armed.clear();
      await idle();
    },
    idle,
  };
}
