/**
 * Benchmark (a): the same route handler bare and wrapped by instrumentRoute (with the real
 * MetricsAggregator as the measurement sink), side by side in one run.
 * `npm run bench:instrumentation`.
 *
 * - One child process serves both variants on 127.0.0.1 with node:http (IncomingMessage ->
 *   web Request -> handler -> Response, as a route handler sees it), on two ports; the
 *   parent loads them with autocannon, one at a time, so they never compete for the CPU.
 * - The aggregator is the production one: bucket per 10 s, sketch, statuses, and a flush every
 *   10 s (to a database stand-in that accepts the insert at once: the database write is off
 *   the request path by design, and is not what this compares).
 * - A third server runs the bare handler again ("control"): bare vs control is the noise floor
 *   of this machine (several engineers share its two cores), so the wrapped ratio can be read
 *   against it.
 * - ROUNDS rounds of DURATION seconds per variant, the order rotating every round, after a
 *   warm-up of each. Short interleaved slices and per-round ratios cancel the load drifting
 *   over the run; the medians of the per-round ratios are printed.
 *   Target: wrapped/bare >= 0.97. Bounded to about 1.5 minutes; loopback only.
 *
 * Env: BENCH_ROUNDS (default 8), BENCH_DURATION seconds (default 3), BENCH_CONNECTIONS (default 50).
 */
import { fork } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import type { DbOrTx } from '../db/types';
import { MetricsAggregator } from '../lib/metrics/aggregator';
import { setMeasurementSink } from '../lib/metrics/instrument';
import { instrumentRoute } from '../lib/metrics/route';

const ROUNDS = Math.min(Math.max(Number(process.env.BENCH_ROUNDS ?? 8), 1), 12);
const DURATION = Math.min(Math.max(Number(process.env.BENCH_DURATION ?? 3), 1), 10);
const CONNECTIONS = Math.min(Math.max(Number(process.env.BENCH_CONNECTIONS ?? 50), 1), 200);
const WARMUP = 2;
const VARIANTS = ['bare', 'wrapped', 'control'] as const;
type Variant = (typeof VARIANTS)[number];

/** A small but real route: reads the URL and a header, answers JSON (like /api/health/live). */
async function handler(request: Request): Promise<Response> {
  const url = new URL(request.url);
  return Response.json(
    { status: 'ok', path: url.pathname, accept: request.headers.get('accept') ?? null },
    { headers: { 'cache-control': 'no-store' } },
  );
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, { method: req.method, headers });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

function listen(route: (request: Request, context: unknown) => Promise<Response>): Promise<number> {
  const server = createServer((req, res) => {
    route(toRequest(req), {}).then(
      (response) => send(res, response),
      () => {
        res.statusCode = 500;
        res.end();
      },
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

async function serve(): Promise<void> {
  const aggregator = new MetricsAggregator({ instance: 'bench' });
  setMeasurementSink(aggregator.record);
  // Accepts every insert at once: the flush still closes buckets and builds the rows.
  const nullDb = { insert: () => ({ values: async () => undefined }) } as unknown as DbOrTx;
  setInterval(() => void aggregator.flush(nullDb), 10_000).unref();
  const ports: Record<Variant, number> = {
    bare: await listen((request) => handler(request)),
    wrapped: await listen(instrumentRoute('GET /bench', (request: Request) => handler(request))),
    control: await listen((request) => handler(request)),
  };
  process.send?.(ports);
  process.on('message', (message) => {
    if (message === 'stats') {
      const [series] = aggregator.snapshot().series;
      process.send?.({ measured: series?.count ?? 0 });
    }
    if (message === 'cpu') {
      const usage = process.cpuUsage();
      process.send?.({ cpuMicros: usage.user + usage.system });
    }
  });
}

function load(port: number, duration: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url: `http://127.0.0.1:${port}/api/bench?x=1`, connections: CONNECTIONS, duration, headers: { accept: 'application/json' } }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main(): Promise<void> {
  const child = fork(process.argv[1]!, ['serve'], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ports = await new Promise<Record<Variant, number>>((resolve) => child.once('message', (message) => resolve(message as Record<Variant, number>)));
  try {
    console.log(`Instrumentation overhead: ${ROUNDS} rounds x ${DURATION} s per variant, ${CONNECTIONS} connections, loopback, node ${process.version}`);
    for (const variant of VARIANTS) await load(ports[variant], WARMUP);
    const rps: Record<Variant, number[]> = { bare: [], wrapped: [], control: [] };
    const cpuPerRequest: Record<Variant, number[]> = { bare: [], wrapped: [], control: [] };
    const ask = <T>(question: string) => {
      child.send(question);
      return new Promise<T>((resolve) => child.once('message', (message) => resolve(message as T)));
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]!);
      if (round % 2) order.reverse();
      const line: string[] = [];
      for (const variant of order) {
        const before = await ask<{ cpuMicros: number }>('cpu');
        const result = await load(ports[variant], DURATION);
        const after = await ask<{ cpuMicros: number }>('cpu');
        if (result.errors || result.non2xx) throw new Error(`${variant}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
        rps[variant].push(result.requests.average);
        cpuPerRequest[variant].push((after.cpuMicros - before.cpuMicros) / result.requests.total);
        line.push(`${variant} ${Math.round(result.requests.average)}`);
      }
      console.log(`  round ${round + 1}: ${line.join(', ')} req/s`);
    }
    const { measured } = await ask<{ measured: number }>('stats');
    const ratio = (variant: Variant) => median(rps[variant].map((value, i) => value / rps.bare[i]!));
    // CPU time the server spent per request: far less sensitive to other load on the machine
    // than req/s; for a CPU-bound server, bare CPU / wrapped CPU is the throughput ratio.
    const cpuRatio = (variant: Variant) => median(cpuPerRequest.bare.map((value, i) => value / cpuPerRequest[variant][i]!));
    for (const variant of VARIANTS) {
      console.log(`${variant.padEnd(8)} median ${Math.round(median(rps[variant]))} req/s, server CPU ${median(cpuPerRequest[variant]).toFixed(1)} us/request`);
    }
    console.log(`calls measured by the aggregator (wrapped only): ${measured}`);
    console.log(`req/s       control/bare (noise floor, same handler twice): ${ratio('control').toFixed(3)}x   wrapped/bare: ${ratio('wrapped').toFixed(3)}x`);
    console.log(`CPU/request control vs bare: ${cpuRatio('control').toFixed(3)}x   wrapped vs bare: ${cpuRatio('wrapped').toFixed(3)}x (bare CPU / variant CPU)`);
    console.log('target: wrapped/bare >= 0.97x');
  } finally {
    child.kill();
  }
}

if (process.argv[2] === 'serve') void serve();
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
