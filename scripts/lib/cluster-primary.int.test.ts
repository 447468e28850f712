import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs shared with scripts/e2e.mjs; no types.
import { freePort } from './free-port.mjs';

const PRIMARY = path.join(__dirname, 'cluster-primary.mjs');

// Stands in for `next start --port N`: listens on the port it is given and answers with its pid.
// FAIL_AT_START=1 makes it exit before listening, as a worker with a bad environment does.
const WORKER = `
import http from 'node:http';
if (process.env.FAIL_AT_START === '1') process.exit(3);
const port = Number(process.argv[process.argv.indexOf('--port') + 1]);
const server = http.createServer((req, res) => {
  if (req.url === '/crash') { res.end('bye'); setTimeout(() => process.exit(1), 10); return; }
  res.end(String(process.pid));
});
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => { console.log('worker ' + process.pid + ' stopping'); server.close(() => process.exit(0)); });
`;

let running: ChildProcess | undefined;
afterEach(() => {
  if (running && running.exitCode === null) running.kill('SIGKILL');
  running = undefined;
});

function startPrimary(workers: number, port: number, env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'smm-cluster-'));
  const worker = path.join(dir, 'worker.mjs');
  writeFileSync(worker, WORKER);
  let output = '';
  const child = spawn(process.execPath, [PRIMARY, String(workers), worker, 'start', '--port', String(port)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  running = child;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Pids that answered `count` requests, each on a new connection (the primary deals connections round-robin). */
async function answeringPids(port: number, count: number): Promise<string[]> {
  const pids: string[] = [];
  for (let i = 0; i < count; i++) {
    // A bound on each request: a connection handed to a worker as it dies is lost (as it would
    // be for a real client, which times out and retries; `until` retries).
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(3_000) });
    pids.push(await response.text());
  }
  return pids;
}

async function until<T>(probe: () => Promise<T | undefined>, describeState: () => string, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out; the primary and its workers said:\n${describeState()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start with WEB_CONCURRENCY (cluster primary)', () => {
  it('serves one port from every worker, replaces a worker that dies, and stops them all on SIGTERM', async () => {
    const port = await freePort();
    const { child, exited, output } = startPrimary(2, port);
    // Both workers answer on the one port.
    const pids = await until(async () => {
      const seen = new Set(await answeringPids(port, 8));
      return seen.size === 2 ? seen : undefined;
    }, output);
    expect(pids.size).toBe(2);

    // A worker that dies after serving is replaced: the port keeps answering from two workers.
    await fetch(`http://127.0.0.1:${port}/crash`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(3_000) }).catch(() => undefined);
    const after = await until(async () => {
      const seen = new Set(await answeringPids(port, 8));
      return seen.size === 2 && [...seen].some((pid) => !pids.has(pid)) ? seen : undefined;
    }, output);
    expect(after.size).toBe(2);
    expect(output()).toMatch(/exited \(code 1\); starting a new one/);

    // SIGTERM to the primary reaches every worker once; the primary exits 0 when they are gone.
    child.kill('SIGTERM');
    expect(await Promise.race([exited, new Promise((_, reject) => setTimeout(() => reject(new Error(`no exit after SIGTERM:\n${output()}`)), 40_000))])).toBe(0);
    expect(output().match(/stopping/g)).toHaveLength(2);
    await expect(fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(3_000) })).rejects.toThrow();
  }, 120_000);

  it('stops with the worker’s exit code when workers fail at start-up, instead of forking forever', async () => {
    const port = await freePort();
    const { exited, output } = startPrimary(2, port, { FAIL_AT_START: '1' });
    expect(await exited).toBe(3);
    expect(output()).toMatch(/exited during start-up \(code 3\); stopping/);
  }, 60_000);
});
