import { sql } from 'drizzle-orm';

/**
 * Which raw production_metrics rows count as an aggregate (a 10-second bucket: count, errors,
 * sum, min, max, latency sketch) rather than one observation of metric_value. The rollup job
 * and the dashboard's raw reads share this one definition, so a row counts the same before and
 * after it is rolled up.
 *
 * Outside services write metadata freely (POST /api/v1/metrics), so the figures are bounded
 * here: a count or error count must be a plain non-negative number below 10^12. Without the
 * bound a single point claiming `count: 1e19` made the rollup's bigint sums overflow, failing
 * the job on every run from then on (its catch-up keeps returning to the unrolled minute).
 * Regexes on the number's text, not casts: SQL does not promise to test jsonb_typeof first.
 */
const BOUNDED_COUNT = `'^[0-9]{1,12}(\\.[0-9]+)?$'`;

export const RAW_AGGREGATE = sql`coalesce(case when metadata ? 'agg' then metadata->>'agg' = '1'
  and jsonb_typeof(metadata->'sketch') = 'object' and jsonb_typeof(metadata->'count') = 'number'
  and jsonb_typeof(metadata->'sum') = 'number' and jsonb_typeof(metadata->'min') = 'number'
  and jsonb_typeof(metadata->'max') = 'number'
  and (metadata->>'count') ~ ${sql.raw(BOUNDED_COUNT)}
  and (jsonb_typeof(metadata->'errors') is distinct from 'number' or (metadata->>'errors') ~ ${sql.raw(BOUNDED_COUNT)}) end, false)`;

/** The text of a sketch entry's count (jsonb_each's value::text) that the rollup merges. */
export const SKETCH_COUNT_TEXT = sql.raw(BOUNDED_COUNT);

/** The same bound for sketch counts read in JavaScript: a number above zero and below 10^12. */
export const MAX_SKETCH_COUNT = 1e12;
