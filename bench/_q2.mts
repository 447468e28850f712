import postgres from 'postgres';
const url = 'postgres://postgres@127.0.0.1:5432/smm_bench_dashboard_cbb40cc4';
const sql = postgres(url, { max: 1 });
const t = async (name: string, fn: () => Promise<unknown>) => { const xs: number[] = []; for (let i = 0; i < 8; i++) { const s = performance.now(); await fn(); xs.push(performance.now() - s); } xs.sort((a, b) => a - b); console.log(name, xs.map((x) => x.toFixed(0)).join(' ')); };
await t('jsonb', () => sql`select metric_type, endpoint, bucket_start, count, histogram from x_arr`);
await t('arrays', () => sql`select metric_type, endpoint, bucket_start, count, idx, n from x_arr`);
await t('arrays as text', () => sql`select metric_type, endpoint, bucket_start, count, idx::text, n::text from x_arr`);
await t('int arrays as text', () => sql`select metric_type, endpoint, bucket_start, count, idx::text, n::int8[]::text from x_arr`);
await sql.end();
