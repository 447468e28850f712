// Playwright's webServer command: `next start` on a throw-away database, so every run starts
// with no user and exercises first-run setup. Playwright starts this script as the leader of a
// new process group and signals the whole group, so next (a plain child) never outlives a run.
//
// Database: PGlite in a new temporary DATA_DIR, or, with E2E_DATABASE_URL set, a new database
// created on that (local) Postgres server and dropped afterwards. DATABASE_URL is ignored on
// purpose: `DATABASE_URL=... npm test` points the integration tests at Postgres and must not make
// the browser tests sign up an admin in that database.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = process.env.E2E_PORT || '3100';

const env = { ...process.env };
for (const name of [
  'DATABASE_URL',
  'AUTH_SECRET',
  'ENCRYPTION_KEY',
  'INNGEST_SIGNING_KEY',
  'INNGEST_SIGNING_KEY_FALLBACK',
  'INNGEST_EVENT_KEY',
  'INNGEST_DEV',
  'INNGEST_BASE_URL',
  // Rate-limit state in a developer's Redis would outlive the run: keep it in memory.
  'REDIS_URL',
  'RATE_LIMIT_STORE',
]) {
  delete env[name];
}
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'smm-e2e-'));
Object.assign(env, {
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  JOBS_IN_PROCESS: '1',
  PORT: port,
  APP_URL: `http://127.0.0.1:${port}`,
  // As if behind one reverse proxy: a test context can then present its own client address in
  // X-Forwarded-For (what the proxy would send), so lock-out tests do not share 127.0.0.1,
  // and the IP lock, with every other test.
  TRUST_PROXY_HOPS: '1',
});

let dropDatabase = async () => {};
if (process.env.E2E_DATABASE_URL) {
  const { default: postgres } = await import('postgres');
  const base = new URL(process.env.E2E_DATABASE_URL);
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(base.hostname)) {
    console.error(`E2E_DATABASE_URL must point at a local Postgres (got host ${base.hostname}).`);
    process.exit(1);
  }
  const name = `smm_e2e_${randomBytes(4).toString('hex')}`;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  env.AUTH_SECRET = randomBytes(32).toString('base64url');
  env.ENCRYPTION_KEY = randomBytes(32).toString('base64');
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.end({ timeout: 2 });
  };
  console.log(`e2e: using throw-away Postgres database ${name}`);
}

// Demo metrics (npm run seed:metrics) so the System health dashboard has figures to show;
// e2e/health.spec.ts recomputes them from lib/health-dashboard/demo-data.ts. Monitors are left
// to the specs that manage them. E2E_SEED_METRICS=0 starts without metrics.
if (process.env.E2E_SEED_METRICS !== '0') {
  const seeded = await new Promise((resolve) => {
    const seed = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/seed-metrics.ts', '--no-monitor'], { cwd: root, stdio: 'inherit', env });
    seed.on('exit', (code) => resolve(code));
    seed.on('error', () => resolve(1));
  });
  if (seeded !== 0) {
    console.error('e2e: seeding demo metrics failed');
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  }
}

// Shared cache entries (long TTLs) and cache activity for e2e/cache.spec.ts, written before the
// server starts so the CacheManager shows fixed figures (e2e/support/cache-fixture.ts).
{
  const seeded = await new Promise((resolve) => {
    const seed = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['e2e/support/seed-cache.ts'], { cwd: root, stdio: 'inherit', env });
    seed.on('exit', (code) => resolve(code));
    seed.on('error', () => resolve(1));
  });
  if (seeded !== 0) {
    console.error('e2e: seeding cache entries failed');
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  }
}

const server = spawn(
  path.join(root, 'node_modules', '.bin', 'next'),
  ['start', '--port', port, '--hostname', '127.0.0.1'],
  { cwd: root, stdio: 'inherit', env },
);

// Playwright signals the whole group, so next gets the SIGTERM itself; sending it a second one
// would cut its graceful shutdown short. Wait for it (bounded), then clean up.
let stopping = false;
async function cleanUp(code) {
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    if (server.exitCode !== null || server.signalCode !== null) return void cleanUp(0);
    setTimeout(() => server.kill('SIGKILL'), 8_000).unref();
  });
}
server.on('exit', (code) => {
  void cleanUp(stopping ? 0 : (code ?? 1));
});
