/**
 * Load test (issue 6) that stops by itself: CONNECTIONS open keep-alive connections on loopback,
 * RATE requests/s overall for DURATION seconds, spread over the connections, alternating between
 * GET /api/health/ready and POST /api/v1/metrics (one point, a key from LOAD_API_KEYS spread over
 * the connections). Prints p50/p95/p99 latency, errors (socket errors, timeouts, 5xx) and 429s
 * per endpoint.
 *
 *   npm run bench:load   (bench/load-run.ts: throw-away database, keys, next start, then this)
 *   BASE_URL=http://127.0.0.1:3000 LOAD_API_KEYS=smm_..,smm_.. npx tsx bench/load.ts
 *
 * Env: CONNECTIONS (default 10000), RATE (default 1000), DURATION (default 60), BASE_URL,
 * LOAD_API_KEYS (comma-separated; without keys only the health route is loaded), LOAD_FORWARDED_FOR=1
 * (a distinct X-Forwarded-For per connection, for a server started with TRUST_PROXY_HOPS=1),
 * LOAD_MIX (both, the default, alternating; or ready or ingest alone; or live: GET /api/health/live,
 * a route with no limiter and no database, i.e. what Next itself costs per request),
 * LOAD_SERVER_PID (set by bench/load-run.ts: the server's CPU per answered request is printed).
 * Each connection is a raw socket with its own in-order request queue (HTTP/1.1 keep-alive,
 * no pipelining: a request is written when the previous answer is in). The file-descriptor
 * limit bounds CONNECTIONS: the client and the server each need one per connection, so run
 * with `ulimit -n` above CONNECTIONS + 1000 on both (here the hard limit is 20,000, enough for
 * 10,000 on each side when client and server run as separate processes).
 * Targets: p95 < 200 ms, errors < 0.1%.
 */
import { connect, type Socket } from 'node:net';
import { processTreeCpuSeconds } from './server-cpu';

const BASE = new URL(process.env.BASE_URL ?? 'http://127.0.0.1:3000');
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10_000);
const RATE = Number(process.env.RATE ?? 1_000);
const DURATION = Number(process.env.DURATION ?? 60);
const KEYS = (process.env.LOAD_API_KEYS ?? '').split(',').filter(Boolean);
// Behind a proxy (the server trusts one hop) every connection is its own client address, as
// 10,000 real clients would be; without it they all share 127.0.0.1 and its per-IP limit.
const FORWARDED_FOR = process.env.LOAD_FORWARDED_FOR === '1';
// Which routes: both alternating (the test), or one alone to see what each costs.
const MIX = (process.env.LOAD_MIX ?? 'both') as 'both' | Target;
const SERVER_PID = Number(process.env.LOAD_SERVER_PID ?? 0);
const TIMEOUT_MS = 10_000;
let reconnects = 0;
let runStarted = performance.now();
// Seconds per slice of the over-time report (0: none).
const SLICE_SECONDS = Number(process.env.LOAD_SLICE_SECONDS ?? 10);
// Seconds of ramp (10% to 100% of RATE) before the measured run; 0 measures from a cold start.
const WARMUP = Number(process.env.LOAD_WARMUP_SECONDS ?? 20);

type Target = 'ready' | 'ingest' | 'live';
/** Warm-up requests are reported on their own line and never mixed into the measured figures. */
type Phase = 'warmup' | 'measured';
interface Queued {
  target: Target;
  phase: Phase;
}
interface Stats {
  latencies: number[];
  /** When each answer arrived (ms since the start), for the per-slice report. */
  answeredAt: number[];
  byStatus: Map<number, number>;
  errors: number;
}
const emptyStats = (): Record<Target, Stats> => ({
  ready: { latencies: [], answeredAt: [], byStatus: new Map(), errors: 0 },
  ingest: { latencies: [], answeredAt: [], byStatus: new Map(), errors: 0 },
  live: { latencies: [], answeredAt: [], byStatus: new Map(), errors: 0 },
});
const statsByPhase: Record<Phase, Record<Target, Stats>> = { warmup: emptyStats(), measured: emptyStats() };
const stats = (item: Queued): Stats => statsByPhase[item.phase][item.target];

function request(target: Target, key: string | undefined, client: string): string {
  const host = `${BASE.hostname}:${BASE.port || 80}`;
  if (target !== 'ingest') return `GET /api/health/${target} HTTP/1.1\r\nHost: ${host}${client}\r\nConnection: keep-alive\r\n\r\n`;
  const body = JSON.stringify({ points: [{ metric_type: 'load.test', value: Math.random() * 100, endpoint: 'GET /load' }] });
  return `POST /api/v1/metrics HTTP/1.1\r\nHost: ${host}${client}\r\nConnection: keep-alive\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

class Connection {
  private socket: Socket | undefined;
  private buffer = Buffer.alloc(0);
  private queue: Queued[] = [];
  private inFlight: { item: Queued; started: number; timer: ReturnType<typeof setTimeout> } | undefined;
  open = false;
  private connecting = false;

  /** Extra header lines after Host (X-Forwarded-For), or ''. */
  private readonly client: string;

  constructor(
    private readonly key: string | undefined,
    index: number,
  ) {
    this.client = FORWARDED_FOR ? `\r\nX-Forwarded-For: 10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` : '';
  }

  connect(): Promise<void> {
    return new Promise((resolve) => {
      const socket = connect({ host: BASE.hostname, port: Number(BASE.port || 80) });
      this.socket = socket;
      socket.setNoDelay(true);
      socket.once('connect', () => {
        this.open = true;
        resolve();
      });
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      socket.on('error', () => {
        this.fail();
        resolve();
      });
      socket.on('close', () => {
        this.open = false;
        // Only a request that was on the wire is lost; queued ones go out on the next connection.
        if (this.inFlight) {
          clearTimeout(this.inFlight.timer);
          stats(this.inFlight.item).errors++;
          this.inFlight = undefined;
        }
      });
    });
  }

  send(target: Target, phase: Phase): void {
    if (target === 'ingest' && !this.key) target = 'ready';
    this.queue.push({ target, phase });
    // The server closes idle keep-alive connections (Node's keepAliveTimeout, 5 s): reopen.
    if (!this.open && !this.connecting) {
      reconnects++;
      this.connecting = true;
      void this.connect().then(() => {
        this.connecting = false;
        this.pump();
      });
      return;
    }
    this.pump();
  }

  close(): void {
    this.socket?.destroy();
  }

  private pump(): void {
    if (this.inFlight || !this.open || this.queue.length === 0) return;
    const item = this.queue.shift()!;
    const timer = setTimeout(() => {
      stats(item).errors++;
      this.inFlight = undefined;
      this.socket?.destroy();
    }, TIMEOUT_MS);
    this.inFlight = { item, started: performance.now(), timer };
    this.socket!.write(request(item.target, this.key, this.client));
  }

  private fail(): void {
    if (this.inFlight) {
      clearTimeout(this.inFlight.timer);
      stats(this.inFlight.item).errors++;
      this.inFlight = undefined;
    }
    for (const item of this.queue) stats(item).errors++;
    this.queue = [];
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = this.buffer.subarray(0, end).toString('latin1');
      const status = Number(head.slice(9, 12));
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      const chunked = /\r\ntransfer-encoding:\s*chunked/i.test(head);
      let total = end + 4 + length;
      if (chunked) {
        const terminator = this.buffer.indexOf('\r\n0\r\n\r\n', end);
        if (terminator < 0) return;
        total = terminator + 7;
      } else if (this.buffer.length < total) return;
      this.buffer = this.buffer.subarray(total);
      const flight = this.inFlight;
      if (!flight) continue;
      clearTimeout(flight.timer);
      this.inFlight = undefined;
      const s = stats(flight.item);
      const answered = performance.now();
      s.latencies.push(answered - flight.started);
      s.answeredAt.push(answered - runStarted);
      s.byStatus.set(status, (s.byStatus.get(status) ?? 0) + 1);
      if (status >= 500) s.errors++;
      this.pump();
    }
  }
}

function q(sorted: number[], p: number): string {
  return sorted.length ? `${sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1)} ms` : '-';
}

/** p95 per slice of the measured run, both routes together: shows a stall or a slow collapse. */
function printSlices(): void {
  const slices = new Map<number, number[]>();
  for (const s of Object.values(statsByPhase.measured)) {
    s.answeredAt.forEach((at, i) => {
      const slice = Math.floor(at / 1000 / SLICE_SECONDS);
      const list = slices.get(slice) ?? [];
      list.push(s.latencies[i]!);
      slices.set(slice, list);
    });
  }
  const line = [...slices].sort(([a], [b]) => a - b).map(([slice, list]) => {
    list.sort((a, b) => a - b);
    return `${slice * SLICE_SECONDS}-${(slice + 1) * SLICE_SECONDS} s: ${list.length} answers, p95 ${q(list, 0.95)}`;
  });
  console.log(`Over time (answers by arrival): ${line.join('; ')}`);
}

function printFigures(phase: Phase, label: string): void {
  console.log(label);
  for (const [target, s] of Object.entries(statsByPhase[phase])) {
    const sorted = [...s.latencies].sort((a, b) => a - b);
    const total = sorted.length + s.errors;
    if (total === 0) continue;
    const statuses = [...s.byStatus].sort(([a], [b]) => a - b).map(([code, n]) => `${code}: ${n}`).join(', ');
    console.log(`${target.padEnd(7)} answered ${sorted.length}, p50 ${q(sorted, 0.5)}, p95 ${q(sorted, 0.95)}, p99 ${q(sorted, 0.99)}; errors ${s.errors} (${((s.errors / total) * 100).toFixed(2)}%); 429s ${s.byStatus.get(429) ?? 0}; statuses ${statuses}`);
  }
}

/**
 * Sends at `rateAt(elapsed seconds)` requests/s for `seconds`, round-robin over the connections,
 * alternating routes. Returns how many were sent.
 */
function runPhase(connections: Connection[], phase: Phase, seconds: number, rateAt: (elapsed: number) => number): Promise<number> {
  const tickMs = 10;
  let sent = 0;
  let owedExact = 0;
  let last = performance.now();
  const started = last;
  return new Promise<number>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      const elapsed = (now - started) / 1000;
      if (elapsed >= seconds) {
        clearInterval(timer);
        resolve(sent);
        return;
      }
      // Catch up with the schedule (timers drift when the event loop is busy).
      owedExact += ((now - last) / 1000) * rateAt(elapsed);
      last = now;
      while (owedExact >= 1) {
        owedExact--;
        const connection = connections[nextConnection++ % connections.length]!;
        connection.send(MIX === 'both' ? (sentTotal % 2 === 0 ? 'ready' : 'ingest') : MIX, phase);
        sent++;
        sentTotal++;
      }
    }, tickMs);
  });
}
let nextConnection = 0;
let sentTotal = 0;

async function main(): Promise<void> {
  console.log(`Opening ${CONNECTIONS} connections to ${BASE.origin} ...`);
  const connections = Array.from({ length: CONNECTIONS }, (_, i) => new Connection(KEYS.length ? KEYS[i % KEYS.length] : undefined, i));
  for (let i = 0; i < connections.length; i += 500) await Promise.all(connections.slice(i, i + 500).map((c) => c.connect()));
  const open = connections.filter((c) => c.open).length;
  if (WARMUP > 0) {
    // A fresh process compiles its hot paths and opens its pools in the first seconds; a
    // production instance gets its traffic after that, so the ramp is reported apart.
    console.log(`${open} open (${CONNECTIONS - open} failed). Warming up: ${WARMUP} s ramping to ${RATE} req/s ...`);
    await runPhase(connections, 'warmup', WARMUP, (elapsed) => RATE * Math.min(1, 0.1 + (0.9 * elapsed) / WARMUP));
    // Let the warm-up's answers arrive before the measured run starts.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  console.log(`Sending ${RATE} req/s for ${DURATION} s ...`);
  runStarted = performance.now();
  const cpuBefore = SERVER_PID ? processTreeCpuSeconds(SERVER_PID) : undefined;
  const sent = await runPhase(connections, 'measured', DURATION, () => RATE);
  // Let the last answers arrive (bounded by the request timeout).
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const cpuAfter = SERVER_PID ? processTreeCpuSeconds(SERVER_PID) : undefined;
  const wallSeconds = (performance.now() - runStarted) / 1000;
  for (const c of connections) c.close();
  if (WARMUP > 0) printFigures('warmup', `\nWarm-up (${WARMUP} s ramp, not part of the figures):`);
  console.log(`\nSent ${sent} requests in ${DURATION} s over ${open} connections (${reconnects} reopened after the server closed them idle).`);
  if (SLICE_SECONDS > 0) printSlices();
  printFigures('measured', 'Measured:');
  if (cpuBefore !== undefined && cpuAfter !== undefined) {
    const cpu = cpuAfter - cpuBefore;
    const answered = Object.values(statsByPhase.measured).reduce((sum, s) => sum + s.latencies.length, 0);
    console.log(
      `Server CPU (all its processes and threads) over the measured ${wallSeconds.toFixed(1)} s: ${cpu.toFixed(1)} s, ` +
        `${((cpu / wallSeconds) * 100).toFixed(0)}% of one core; ${answered ? ((cpu / answered) * 1000).toFixed(2) : '-'} ms per answered request.`,
    );
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
