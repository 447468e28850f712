import { openPostgres } from '../db/open';
import { readLatencyRows } from '../lib/health-dashboard/queries';
const url = 'postgres://postgres@127.0.0.1:5432/smm_bench_dashboard_cbb40cc4';
const { db, close } = openPostgres(url, 2);
const t = async (name: string, fn: () => Promise<unknown>) => { const xs: number[] = []; for (let i = 0; i < 15; i++) { const s = performance.now(); await fn(); xs.push(performance.now() - s); } xs.sort((a, b) => a - b); console.log(name, xs.map((x) => x.toFixed(0)).join(' ')); };
const to = Date.parse('2026-03-04T12:34Z');
await t('1m 1h', () => readLatencyRows(db, '1m', to - 3600_000, to));
await t('1h 7d', () => readLatencyRows(db, '1h', Date.parse('2026-02-25T18:00Z'), Date.parse('2026-03-04T12:00Z')));
await close();
