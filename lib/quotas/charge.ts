import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { DbOrTx } from '../../db/types';
import { insertMetricRows } from '../metrics/write';
import { DEFAULT_MONTHLY_QUOTA, QUOTA_WARNING_RATIO } from '../rate-limit/policies';
import { periodStart } from './period';

export interface QuotaCharge {
  allowed: boolean;
  used: number;
  limit: number;
  /** This charge crossed the warning ratio (the 'quota_usage_ratio' point was written). */
  warned: boolean;
}

/** The key's usage in the current UTC month and its quota, without charging. */
export async function quotaUsage(db: DbOrTx, apiKeyId: string, now: Date): Promise<{ used: number; limit: number }> {
  const rows = await queryRows<{ used: string | number | null; quota: string | number }>(
    db,
    sql`select (select used from api_key_quota_usage where api_key_id = ${apiKeyId} and period_start = ${periodStart(now)}::date) as used,
          coalesce((select monthly_limit from api_key_quotas where api_key_id = ${apiKeyId}), ${DEFAULT_MONTHLY_QUOTA}::bigint) as quota`,
  );
  return { used: Number(rows[0]?.used ?? 0), limit: Number(rows[0]?.quota ?? DEFAULT_MONTHLY_QUOTA) };
}

/**
 * Charges `units` to an API key's usage in the current UTC month, in one statement: the
 * upsert only adds when the sum stays within the limit (the key's own or the default), so
 * two instances racing at the limit cannot both pass it. A new month is a new row: the count
 * resets at the boundary by construction.
 *
 * Crossing QUOTA_WARNING_RATIO marks the period row once and writes a 'quota_usage_ratio'
 * point (endpoint 'api_key:<id>') that an alert rule can watch.
 */
export async function chargeQuota(db: DbOrTx, apiKeyId: string, units: number, now: Date): Promise<QuotaCharge> {
  const period = periodStart(now);
  const limitSql = sql`coalesce((select monthly_limit from api_key_quotas where api_key_id = ${apiKeyId}), ${DEFAULT_MONTHLY_QUOTA}::bigint)`;
  const rows = await queryRows<{ used: string | number; quota: string | number; warned_at: Date | string | null }>(
    db,
    sql`insert into api_key_quota_usage as u (api_key_id, period_start, used)
        select ${apiKeyId}, ${period}::date, ${units}::bigint where ${units}::bigint <= ${limitSql}
        on conflict (api_key_id, period_start) do update set used = u.used + excluded.used
          where u.used + excluded.used <= ${limitSql}
        returning used, ${limitSql} as quota, warned_at`,
  );
  const row = rows[0];
  if (!row) return { allowed: false, ...(await quotaUsage(db, apiKeyId, now)), warned: false };
  const used = Number(row.used);
  const limit = Number(row.quota);
  let warned = false;
  if (row.warned_at === null && limit > 0 && used >= limit * QUOTA_WARNING_RATIO) {
    const marked = await queryRows<{ used: string }>(
      db,
      sql`update api_key_quota_usage set warned_at = ${now.toISOString()}::timestamptz where api_key_id = ${apiKeyId} and period_start = ${period}::date and warned_at is null returning used`,
    );
    if (marked.length > 0) {
      warned = true;
      await insertMetricRows(db, [
        { metricType: 'quota_usage_ratio', endpoint: `api_key:${apiKeyId}`, metricValue: used / limit, recordedAt: now, metadata: { used, limit, period } },
      ]);
    }
  }
  return { allowed: true, used, limit, warned };
}

/**
 * Gives back `units` that chargeQuota added when what they paid for was not stored (the
 * insert after the charge failed): the client will send the batch again and must not pay for
 * it twice. Never below zero; a charge that was itself refused has nothing to give back.
 */
export async function refundQuota(db: DbOrTx, apiKeyId: string, units: number, now: Date): Promise<void> {
  await db.execute(
    sql`update api_key_quota_usage set used = greatest(0, used - ${units}::bigint)
        where api_key_id = ${apiKeyId} and period_start = ${periodStart(now)}::date`,
  );
}
