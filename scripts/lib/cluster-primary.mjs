// `npm start` with WEB_CONCURRENCY > 1: this process forks that many `next start` workers
// (node:cluster), which share one listening port; the primary hands each new connection to the
// next worker in turn. Each worker is a full app instance (its own pool, metrics instance id,
// in-process job runner guarded by the database locks), exactly as if a load balancer spread
// the traffic over separate instances, so nothing else changes. One Next.js process uses one
// core for JavaScript; this is how a single machine uses the others.
//
// Usage (from scripts/start.mjs): node cluster-primary.mjs <workers> <next bin> start --port ...
import cluster from 'node:cluster';

const [countArg, nextBin, ...nextArgs] = process.argv.slice(2);
const workers = Number(countArg);
if (!Number.isInteger(workers) || workers < 1 || !nextBin) {
  console.error('> usage: cluster-primary.mjs <workers> <next bin> <next args...>');
  process.exit(2);
}

/** A worker that dies after it served is replaced; this many deaths in a minute means a crash loop. */
const MAX_RESTARTS_PER_MINUTE = 5;
const restarts = [];
let stopping = false;
let exitCode = 0;

cluster.setupPrimary({ exec: nextBin, args: nextArgs });

const listening = new WeakSet();
cluster.on('listening', (worker) => listening.add(worker));

function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
}

cluster.on('exit', (worker, code, signal) => {
  if (stopping) {
    if (code) exitCode = exitCode || code;
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
    return;
  }
  // A worker that never listened failed at start-up (bad environment, database down): every
  // worker would fail the same way, so stop with its code instead of forking forever.
  if (!listening.has(worker)) {
    console.error(`> A worker exited during start-up (code ${code ?? signal}); stopping.`);
    exitCode = code || 1;
    stopAll('SIGTERM');
    return;
  }
  const now = Date.now();
  restarts.push(now);
  while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
  if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
    console.error(`> Workers keep dying (${restarts.length} in a minute); stopping.`);
    exitCode = 1;
    stopAll('SIGTERM');
    return;
  }
  console.error(`> Worker ${worker.process.pid} exited (code ${code ?? signal}); starting a new one.`);
  cluster.fork();
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(signal));

for (let i = 0; i < workers; i++) cluster.fork();
