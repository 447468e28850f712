import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installShutdownHook, type SignalTarget } from './shutdown';

function fakeProcess() {
  const emitter = new EventEmitter();
  const exit = vi.fn();
  const target = Object.assign(emitter, { exit }) as unknown as SignalTarget & EventEmitter & { exit: typeof exit };
  return target;
}

describe('shutdown hook', () => {
  it("runs the task before Next's own signal handler (which exits at once)", async () => {
    const target = fakeProcess();
    const order: string[] = [];
    target.on('SIGTERM', () => order.push('next cleanup'));
    let finish!: () => void;
    installShutdownHook(() => new Promise<void>((resolve) => {
      order.push('flush started');
      finish = () => {
        order.push('flush done');
        resolve();
      };
    }), { target });
    target.emit('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['flush started']);
    finish();
    await vi.waitFor(() => expect(order).toEqual(['flush started', 'flush done', 'next cleanup']));
    expect(target.exit).not.toHaveBeenCalled();
  });

  it('exits by itself when nobody else handles the signal, and gives up on a task that hangs', async () => {
    const target = fakeProcess();
    const logger = { error: vi.fn() };
    installShutdownHook(() => new Promise<void>(() => {}), { target, timeoutMs: 30, logger });
    target.emit('SIGINT');
    await vi.waitFor(() => expect(target.exit).toHaveBeenCalledWith(130));
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('gave up'));
  });

  it('ignores the same signal again within a second (group signal plus a forward), and stops at once on a later one', async () => {
    const target = fakeProcess();
    let clock = 1_000;
    installShutdownHook(() => new Promise<void>(() => {}), { target, timeoutMs: 60_000, now: () => clock, logger: { error: () => {} } });
    target.emit('SIGTERM');
    clock += 200;
    target.emit('SIGTERM');
    expect(target.exit).not.toHaveBeenCalled();
    clock += 2_000;
    target.emit('SIGTERM');
    expect(target.exit).toHaveBeenCalledWith(143);
  });
});
