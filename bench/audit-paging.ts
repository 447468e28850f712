/**
 * Benchmark: the audit area on a million entries, on real Postgres. Prints p50/p95 page times
 * of the audit list (first page, deep keyset pages, every filter), the same deep pages with
 * OFFSET for comparison, CSV export and chain verification throughput, the report, and the
 * cost of one recordAudit() on the sign-in path. Figures only, no assertions.
 * `npx tsx bench/audit-paging.ts`
 *
 * Data: ENTRIES chained entries (real hashes, so verification is measured on real work) spread
 * over 400 days, loaded with COPY: 50 users, system jobs and anonymous visitors; sign-ins,
 * reads, user and setting changes, refusals; 90% success, 7% failed, 3% denied. A throw-away
 * database is created on the local server and dropped after.
 *
 * Env: BENCH_DATABASE_URL or DATABASE_URL (local; default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_ENTRIES (default 1,000,000), BENCH_SAMPLES (default 40 per figure).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { migratePostgresUrl } from '../db/migrate';
import { openPostgres } from '../db/open';
import { queryRows } from '../db/rows';
import { assertLocalDatabaseUrl } from '../db/testing/assert-local';
import type { Db } from '../db/types';
import { entryHash, GENESIS_HASH } from '../lib/audit/chain';
import { iterateAuditEntries, listAuditEntries, type AuditPageRequest } from '../lib/audit/queries';
import { recordAudit } from '../lib/audit/record';
import { buildComplianceReport } from '../lib/audit/report';
import { walkAuditChain } from '../lib/audit/verify';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ENTRIES = Math.min(Number(process.env.BENCH_ENTRIES ?? 1_000_000), 5_000_000);
const SAMPLES = Math.min(Number(process.env.BENCH_SAMPLES ?? 40), 1000);
const DAY_MS = 86_400_000;

// A small deterministic generator, so two runs load the same log.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

const USERS = Array.from({ length: 50 }, (_, i) => ({ id: randomUUID(), email: `user${i}@example.com` }));
const ACTIONS = [
  ['audit.read', 30],
  ['auth.sign_in', 25],
  ['auth.sign_out', 10],
  ['user.preferences_update', 8],
  ['auth.sign_in_failed', 7],
  ['job.run_manual', 6],
  ['settings.update', 5],
  ['auth.permission_denied', 3],
  ['user.create', 2],
  ['user.role_change', 1],
  ['audit.export', 1],
  ['user.disable', 1],
  ['setup.attempt_after_setup', 1],
] as const;
const WEIGHTED = ACTIONS.flatMap(([action, weight]) => Array<string>(weight).fill(action));

const csv = (value: string | number | null) => {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Generates the chained entries as COPY csv lines, hashing each exactly as recordAudit does. */
function* entries(start: number): Generator<string> {
  let prevHash = GENESIS_HASH;
  const step = (400 * DAY_MS) / ENTRIES;
  for (let id = 1; id <= ENTRIES; id++) {
    const action = pick(WEIGHTED);
    const roll = random();
    const outcome = action === 'auth.permission_denied' || action === 'setup.attempt_after_setup' ? 'denied' : action === 'auth.sign_in_failed' ? 'failed' : roll < 0.97 ? 'success' : 'failed';
    const anonymous = action.startsWith('auth.sign_in_failed') || action.startsWith('setup.');
    const system = action === 'job.run_manual' && roll < 0.5;
    const user = pick(USERS);
    const actorType = anonymous ? 'anonymous' : system ? 'system' : 'user';
    const actorId = anonymous ? null : system ? 'housekeeping' : user.id;
    const target = pick(USERS);
    const changes = action === 'user.role_change' ? { before: { role: 'viewer' }, after: { role: pick(['analyst', 'admin']) } } : action === 'settings.update' ? { before: { value: 400 }, after: { value: Math.floor(365 + random() * 100) } } : { before: null, after: action === 'audit.read' ? { filter: { action: pick(WEIGHTED) } } : null };
    const fields = {
      id,
      actorType,
      actorId,
      action,
      targetType: action.startsWith('user.') || action.startsWith('auth.') ? 'user' : null,
      targetId: action.startsWith('user.') || action.startsWith('auth.') ? (anonymous ? `user${Math.floor(random() * 80)}@example.com` : target.id) : null,
      before: changes.before,
      after: changes.after,
      requestId: randomBytes(8).toString('hex'),
      ip: `198.51.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`,
      userAgent: 'Mozilla/5.0 (bench)',
      outcome,
      createdAt: new Date(start + Math.floor(id * step)),
      prevHash,
    };
    const hash = entryHash(fields);
    prevHash = hash;
    yield `${[
      id,
      actorType,
      csv(actorId),
      action,
      csv(fields.targetType),
      csv(fields.targetId),
      csv(fields.before && JSON.stringify(fields.before)),
      csv(fields.after && JSON.stringify(fields.after)),
      fields.requestId,
      fields.ip,
      csv(fields.userAgent),
      outcome,
      fields.createdAt.toISOString(),
      fields.prevHash,
      hash,
    ].join(',')}\n`;
  }
}

function quantiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await fn();
  return [performance.now() - started, result];
}

type Row = [label: string, p50: string, p95: string, rows: string];

async function pageTimes(db: Db, label: string, request: () => AuditPageRequest, rows: Row[]) {
  const samples: number[] = [];
  let shown = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const [elapsed, page] = await time(() => listAuditEntries(db, { ...request(), limit: 50 }));
    samples.push(elapsed);
    shown = page.entries.length;
  }
  const { p50, p95 } = quantiles(samples);
  rows.push([label, ms(p50), ms(p95), String(shown)]);
  return p50;
}

async function main() {
  assertLocalDatabaseUrl(BASE_URL);
  const name = `smm_bench_audit_${randomBytes(4).toString('hex')}`;
  const admin = postgres(BASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = BASE_URL.replace(/\/[^/]*$/, `/${name}`);
  const opened = openPostgres(url, 5);
  const copier = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migratePostgresUrl(url);
    const { db } = opened;
    const [version] = await queryRows<{ version: string }>(db, sql`select version()`);
    console.log(`Postgres: ${version?.version.split(',')[0]}; ${ENTRIES.toLocaleString('en')} entries, ${SAMPLES} samples per figure\n`);

    const start = Date.now() - 400 * DAY_MS;
    let [elapsed] = await time(async () => {
      for (const user of USERS) {
        await db.execute(sql`insert into users (id, email, password_hash, display_name) values (${user.id}::uuid, ${user.email}, 'x', ${user.email})`);
      }
      const stream = await copier`copy audit_log (id, actor_type, actor_id, action, target_type, target_id, before, after, request_id, ip, user_agent, outcome, created_at, prev_hash, hash) from stdin (format csv)`.writable();
      await pipeline(Readable.from(entries(start)), stream);
      await db.execute(sql`select setval(pg_get_serial_sequence('audit_log', 'id'), ${ENTRIES})`);
      await db.execute(sql`vacuum analyze audit_log`);
    });
    console.log(`Loaded (hash, COPY, analyze): ${(elapsed / 1000).toFixed(1)} s`);

    const rows: Row[] = [];
    // A deep page starts at an entry picked at random, as if reached by following "older" links.
    const deep = () => {
      const id = 1 + Math.floor(Math.random() * ENTRIES);
      return { before: { id, createdAt: new Date(start + Math.floor(id * ((400 * DAY_MS) / ENTRIES))) } };
    };
    const firstP50 = await pageTimes(db, 'first page, no filter', () => ({}), rows);
    const deepP50 = await pageTimes(db, 'random deep page (keyset), no filter', deep, rows);

    // The same deep pages with OFFSET, which reads and discards every row before the page.
    const offsetSamples: number[] = [];
    for (let i = 0; i < Math.min(SAMPLES, 20); i++) {
      const offset = Math.floor(Math.random() * ENTRIES);
      const [t] = await time(() => db.execute(sql`select id from audit_log order by id desc offset ${offset} limit 50`));
      offsetSamples.push(t);
    }
    const offset = quantiles(offsetSamples);
    rows.push(['random deep page (OFFSET), for comparison', ms(offset.p50), ms(offset.p95), '50']);

    const middle = Date.now() - 200 * DAY_MS;
    const filters: [string, AuditPageRequest][] = [
      ['action = user.role_change (1%)', { action: 'user.role_change' }],
      ['outcome = denied (4%)', { outcome: 'denied' }],
      ['actor = one user by email fragment (2%)', { actor: 'user17@' }],
      ['actor = system job id', { actor: 'housekeeping' }],
      ['target = user:<id>', { target: `user:${USERS[3]!.id}` }],
      ['time range: one day, 200 days ago', { from: new Date(middle), to: new Date(middle + DAY_MS) }],
      ['time range + action + outcome', { from: new Date(middle - 30 * DAY_MS), to: new Date(middle), action: 'auth.sign_in_failed', outcome: 'failed' }],
      ['free text, frequent ("viewer")', { q: 'viewer' }],
      ['free text, rare (one IP)', { q: '198.51.7.7' }],
      ['free text, absent (scans everything)', { q: 'no-such-text' }],
    ];
    for (const [label, filter] of filters) {
      await pageTimes(db, `${label}, first page`, () => filter, rows);
      await pageTimes(db, `${label}, random deep page`, () => ({ ...filter, ...deep() }), rows);
    }

    console.log('Audit list pages of 50 (listAuditEntries, as the page calls it):');
    console.log(`${'query'.padEnd(62)}${'p50'.padStart(11)}${'p95'.padStart(11)}  rows`);
    for (const [label, p50, p95, shown] of rows) console.log(`${label.padEnd(62)}${p50}${p95}  ${shown}`);
    console.log(`\nDeep page keyset vs OFFSET (p50): ${(offset.p50 / deepP50).toFixed(0)}x faster; deep vs first page: ${(deepP50 / firstP50).toFixed(2)}x\n`);

    let exported = 0;
    [elapsed] = await time(async () => {
      for await (const batch of iterateAuditEntries(db, { outcome: 'failed' })) exported += batch.length;
    });
    console.log(`CSV export source (outcome = failed): ${exported.toLocaleString('en')} entries in ${(elapsed / 1000).toFixed(2)} s (${Math.round(exported / (elapsed / 1000)).toLocaleString('en')} entries/s)`);

    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const [verifyMs, walk] = await time(() => walkAuditChain(db));
    clearInterval(watch);
    console.log(
      `Chain verification: ${walk.entriesChecked.toLocaleString('en')} entries, ok=${walk.ok}, in ${(verifyMs / 1000).toFixed(1)} s (${Math.round(walk.entriesChecked / (verifyMs / 1000)).toLocaleString('en')} entries/s), RSS +${((peak - rssBefore) / 2 ** 20).toFixed(0)} MiB`,
    );

    const [reportMs, report] = await time(() => buildComplianceReport(db, { from: new Date(Date.now() - 7 * DAY_MS), to: new Date() }));
    console.log(`Compliance report, last 7 days (${report.sections.reduce((n, s) => n + s.total, 0).toLocaleString('en')} section rows): ${reportMs.toFixed(0)} ms`);

    const inserts: number[] = [];
    const context = { actor: { type: 'anonymous' as const }, request: { ip: '203.0.113.1', requestId: 'bench' } };
    for (let i = 0; i < SAMPLES * 5; i++) {
      const [t] = await time(() => recordAudit(db, context, { action: 'auth.sign_in_failed', outcome: 'failed', target: { type: 'user_email', id: 'x@example.com' } }));
      inserts.push(t);
    }
    const insert = quantiles(inserts);
    console.log(`recordAudit (own transaction: lock, head, insert) with ${ENTRIES.toLocaleString('en')} entries: p50 ${insert.p50.toFixed(2)} ms, p95 ${insert.p95.toFixed(2)} ms`);
  } finally {
    await opened.close();
    await copier.end({ timeout: 5 });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
