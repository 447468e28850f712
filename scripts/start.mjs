// `npm start`: build when the sources are newer than the last build, then serve with `next start`.
// Migrations are applied by the app itself at start-up (instrumentation.ts), not here.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded, repoRoot } from './lib/build-if-needed.mjs';
import { webConcurrency } from './lib/web-concurrency.mjs';

const port = process.env.PORT || '3000';
// Idle keep-alive connections stay open this long. Longer than the idle timeout of common load
// balancers (60 s), so the balancer, not the app, closes an idle connection: otherwise it may
// send a request on a connection the app is closing, and clients reconnect all the time.
const keepAliveTimeout = process.env.KEEP_ALIVE_TIMEOUT_MS || '65000';
if (!/^\d{1,7}$/.test(keepAliveTimeout)) {
  console.error(`> KEEP_ALIVE_TIMEOUT_MS must be a number of milliseconds (got "${keepAliveTimeout}").`);
  process.exit(1);
}
let workers;
try {
  workers = webConcurrency();
} catch (error) {
  console.error(`> ${error.message}`);
  process.exit(1);
}
/** After this long a signalled server that has not exited is killed. */
const STOP_TIMEOUT_MS = 20_000;

if (!(await buildIfNeeded())) process.exit(1);

console.log(`> Starting the console on http://localhost:${port}${workers > 1 ? ` (${workers} processes)` : ''}`);
const nextBin = path.join(repoRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
const nextArgs = ['start', '--port', port, '--keepAliveTimeout', keepAliveTimeout];
// Several processes share the port through node:cluster (scripts/lib/cluster-primary.mjs).
const command = workers > 1 ? [path.join(repoRoot, 'scripts', 'lib', 'cluster-primary.mjs'), String(workers), nextBin, ...nextArgs] : [nextBin, ...nextArgs];
// Its own process group: a terminal's Ctrl+C then reaches next once, through us, instead of
// twice (the terminal's and ours), which would cut its graceful shutdown short; and we can
// stop the whole group, so no server outlives this script.
const server = spawn(process.execPath, command, {
  cwd: repoRoot,
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV || 'production', PORT: port },
});

const signalGroup = (signal) => {
  try {
    process.kill(-server.pid, signal);
  } catch {
    // already gone
  }
};

let firstSignalAt = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    const now = Date.now();
    if (!firstSignalAt) {
      firstSignalAt = now;
      signalGroup(signal);
      setTimeout(() => {
        console.error(`> The server did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it.`);
        signalGroup('SIGKILL');
      }, STOP_TIMEOUT_MS).unref();
    } else if (now - firstSignalAt > 1000) {
      // A second, deliberate Ctrl+C (npm forwards the first one again at once: ignore that).
      console.error('> Stopping now.');
      signalGroup('SIGKILL');
    }
  });
}
process.on('exit', () => signalGroup('SIGTERM'));

server.on('error', (error) => {
  console.error(`> Could not start next: ${error.message}`);
  process.exit(1);
});
server.on('exit', (code, signal) => {
  process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
});
