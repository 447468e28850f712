import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { DbOrTx } from '../../db/types';
import { DEFAULT_MONTHLY_QUOTA } from '../rate-limit/policies';
import { periodStart } from './period';

export interface QuotaUsageRow {
  apiKeyId: string;
  name: string;
  prefix: string;
  revoked: boolean;
  used: number;
  limit: number;
  ownLimit: boolean;
  ratio: number;
}

/** Every API key with its usage in the current month and its quota. */
export async function listQuotaUsage(db: DbOrTx, now: Date): Promise<QuotaUsageRow[]> {
  const rows = await queryRows<{ id: string; name: string; prefix: string; revoked_at: unknown; used: string | number | null; monthly_limit: string | number | null }>(
    db,
    sql`select k.id, k.name, k.prefix, k.revoked_at, u.used, q.monthly_limit
        from api_keys k
        left join api_key_quota_usage u on u.api_key_id = k.id and u.period_start = ${periodStart(now)}::date
        left join api_key_quotas q on q.api_key_id = k.id
        order by k.revoked_at is not null, coalesce(u.used, 0) desc, k.name`,
  );
  return rows.map((row) => {
    const limit = row.monthly_limit === null ? DEFAULT_MONTHLY_QUOTA : Number(row.monthly_limit);
    const used = Number(row.used ?? 0);
    return { apiKeyId: row.id, name: row.name, prefix: row.prefix, revoked: row.revoked_at !== null, used, limit, ownLimit: row.monthly_limit !== null, ratio: limit > 0 ? used / limit : 1 };
  });
}
