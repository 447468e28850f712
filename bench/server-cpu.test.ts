import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processTreeCpuSeconds } from './server-cpu';

const linux = process.platform === 'linux';

describe.runIf(linux)('processTreeCpuSeconds', () => {
  it("counts a child's CPU in its parent's tree", async () => {
    // A child that spins for 0.6 s of CPU, then waits to be read.
    const child = spawn(process.execPath, ['-e', 'const end = Date.now() + 600; while (Date.now() < end); setTimeout(() => {}, 10_000)']);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      const mine = processTreeCpuSeconds(process.pid)!;
      const childs = processTreeCpuSeconds(child.pid!)!;
      expect(childs).toBeGreaterThanOrEqual(0.4);
      expect(mine).toBeGreaterThanOrEqual(childs);
    } finally {
      child.kill();
    }
  });

  it('is undefined for a process that does not exist', () => {
    expect(processTreeCpuSeconds(2 ** 22 + 12_345)).toBeUndefined();
  });
});
