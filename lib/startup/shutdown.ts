type ShutdownSignal = 'SIGTERM' | 'SIGINT';
type Listener = (...args: unknown[]) => void;

/** The part of `process` the hook uses (a fake in tests). */
export interface SignalTarget {
  listeners(signal: ShutdownSignal): Listener[];
  removeAllListeners(signal: ShutdownSignal): unknown;
  once(signal: ShutdownSignal, listener: Listener): unknown;
  on(signal: ShutdownSignal, listener: Listener): unknown;
  exit(code: number): void;
}

/**
 * A repeat of the signal this soon after the first is the same stop delivered twice (a process
 * group signal plus the cluster primary's forward, or npm re-sending Ctrl+C), not a second,
 * deliberate one: ignored.
 */
const DUPLICATE_SIGNAL_MS = 1_000;

const EXIT_CODES: Record<ShutdownSignal, number> = { SIGINT: 130, SIGTERM: 143 };
const installedKey = Symbol.for('smm.shutdownHook');
type GlobalWithHook = typeof globalThis & { [installedKey]?: boolean };

/**
 * Runs `task` (flush metrics, stop the scheduler) on SIGTERM/SIGINT before the process exits.
 * `next start` has its own handler that closes the server and calls process.exit() at once,
 * which would cut an insert short; so the listeners present now (Next's) are taken off and
 * called after the task, bounded by timeoutMs so a dead database cannot stall a shutdown.
 * With no earlier listener (NEXT_MANUAL_SIG_HANDLE set) the hook exits itself. A second
 * signal during the task ends the process at once, unless it came within a second of the
 * first (DUPLICATE_SIGNAL_MS).
 */
export function installShutdownHook(
  task: () => Promise<void>,
  { target = process as unknown as SignalTarget, timeoutMs = 8_000, logger = console as Pick<Console, 'error'>, now = Date.now } = {},
): void {
  const holder = globalThis as GlobalWithHook;
  if (target === (process as unknown as SignalTarget)) {
    if (holder[installedKey]) return;
    holder[installedKey] = true;
  }
  for (const signal of Object.keys(EXIT_CODES) as ShutdownSignal[]) {
    const previous = target.listeners(signal);
    target.removeAllListeners(signal);
    target.once(signal, () => {
      const firstAt = now();
      target.on(signal, () => {
        if (now() - firstAt >= DUPLICATE_SIGNAL_MS) target.exit(EXIT_CODES[signal]);
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          logger.error(`[shutdown] gave up waiting after ${timeoutMs} ms`);
          resolve();
        }, timeoutMs);
      });
      const work = task().catch((error: unknown) => logger.error('[shutdown] failed:', error instanceof Error ? error.message : error));
      void Promise.race([work, timeout]).then(() => {
        clearTimeout(timer);
        if (previous.length === 0) target.exit(EXIT_CODES[signal]);
        for (const listener of previous) listener(signal);
      });
    });
  }
}
