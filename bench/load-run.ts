/**
 * `npm run bench:load`: the issue-6 load test from a clean checkout, end to end.
 *
 * 1. Creates a throw-away database on the local PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL,
 *    default postgres://postgres@127.0.0.1:5432/postgres), migrates it and creates LOAD_KEYS API
 *    keys with metrics:write (the ingest limit is per key, 600/min: 100 keys carry 500 ingest
 *    requests/s with room to spare, as many clients would).
 * 2. Builds when needed and starts `next start` on a free port against that database, as in
 *    production behind one reverse proxy (TRUST_PROXY_HOPS=1): bench/load.ts then gives every
 *    connection its own X-Forwarded-For address, so the per-IP limit of /api/health/ready sees
 *    10,000 clients, not one.
 *    Keep-alive as `npm start` sets it (65 s, KEEP_ALIVE_TIMEOUT_MS): at 1,000 requests/s over
 *    10,000 connections each connection is idle about 10 s between requests.
 * 3. Runs bench/load.ts (CONNECTIONS, RATE, DURATION as there) in its own process, so client and
 *    server never share an event loop, prints its figures, stops the server and drops the database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { migratePostgresUrl } from '../db/migrate';
import { openPostgres } from '../db/open';
import { assertLocalDatabaseUrl } from '../db/testing/assert-local';
import { createApiKey } from '../lib/api-keys/create';
import { systemActor } from '../lib/audit/context';
// @ts-expect-error -- a plain .mjs helper shared with scripts/e2e.mjs and scripts/start.mjs; it has no types.
import { buildIfNeeded, repoRoot } from '../scripts/lib/build-if-needed.mjs';
// @ts-expect-error -- plain .mjs, shared with scripts/start.mjs; no types.
import { webConcurrency } from '../scripts/lib/web-concurrency.mjs';
// @ts-expect-error -- plain .mjs shared with scripts/e2e.mjs; no types.
import { freePort } from '../scripts/lib/free-port.mjs';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const KEYS = Math.max(1, Math.min(Number(process.env.LOAD_KEYS ?? 100), 1_000));

async function waitUntilReady(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url, { headers: { 'x-forwarded-for': '192.0.2.1' } });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer 200 within 2 minutes`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot as string, stdio: 'inherit', env });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}

async function main(): Promise<number> {
  assertLocalDatabaseUrl(BASE_URL);
  const name = `smm_bench_load_${randomBytes(4).toString('hex')}`;
  const admin = postgres(BASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = BASE_URL.replace(/\/[^/]*$/, `/${name}`);
  let server: ChildProcess | undefined;
  try {
    await migratePostgresUrl(url);
    const opened = openPostgres(url, 2);
    const keys: string[] = [];
    try {
      const context = { actor: systemActor('bench-load'), request: {} };
      for (let i = 0; i < KEYS; i++) keys.push((await createApiKey(opened.db, { name: `load ${i + 1}`, scopes: ['metrics:write'], expiresInDays: null }, context)).key);
    } finally {
      await opened.close();
    }
    console.log(`Database ${name}: ${KEYS} API keys.`);

    if (!(await buildIfNeeded())) return 1;
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      TRUST_PROXY_HOPS: '1',
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
    };
    // REDIS_URL and RATE_LIMIT_STORE pass through: the limiter's store is part of what is measured.
    for (const unset of ['INNGEST_SIGNING_KEY', 'INNGEST_EVENT_KEY', 'INNGEST_DEV', 'INNGEST_BASE_URL']) delete env[unset];
    // LOAD_SERVER_NODE_ARGS go to the server's node only (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
    const nodeArgs = (process.env.LOAD_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const nextBin = path.join(repoRoot as string, 'node_modules', 'next', 'dist', 'bin', 'next');
    // WEB_CONCURRENCY > 1: that many workers on the port, as `npm start` runs them.
    const workers = webConcurrency(env) as number;
    const primary = workers > 1 ? [path.join(repoRoot as string, 'scripts', 'lib', 'cluster-primary.mjs'), String(workers)] : [];
    server = spawn(process.execPath, [...nodeArgs, ...primary, nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1', '--keepAliveTimeout', process.env.KEEP_ALIVE_TIMEOUT_MS ?? '65000'], {
      cwd: repoRoot as string,
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    });
    await waitUntilReady(`http://127.0.0.1:${port}/api/health/ready`, server);
    const store = env.RATE_LIMIT_STORE ?? (env.REDIS_URL ? 'redis' : 'postgres');
    console.log(`next start is ready on port ${port} (${workers} process${workers > 1 ? 'es' : ''}, rate-limit store: ${store}, database: PostgreSQL).`);

    if (process.env.LOAD_HOLD === '1') {
      // Keep the server for runs of bench/load.ts by hand (e.g. other rates); Ctrl+C stops it.
      const keysFile = path.join(tmpdir(), `${name}.keys`);
      writeFileSync(keysFile, keys.join(','), { mode: 0o600 });
      console.log(`Holding. BASE_URL=http://127.0.0.1:${port} LOAD_API_KEYS=$(cat ${keysFile}) LOAD_FORWARDED_FOR=1 npx tsx bench/load.ts`);
      await new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      return 0;
    }
    return await run(path.join(repoRoot as string, 'node_modules', '.bin', 'tsx'), ['bench/load.ts'], {
      ...process.env,
      BASE_URL: `http://127.0.0.1:${port}`,
      LOAD_API_KEYS: keys.join(','),
      LOAD_FORWARDED_FOR: '1',
      LOAD_SERVER_PID: String(server.pid ?? ''),
    });
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
