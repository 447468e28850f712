import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { apiKeyQuotas, apiKeys, rateLimitOverrides, users, type RateLimitOverride } from '../../db/schema';
import type { Db } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';
import { ServiceError } from '../errors/service-error';
import { POLICY_GROUPS } from './policies';

export const overrideInput = z
  .object({
    subjectType: z.enum(['user', 'api_key', 'ip'], { message: 'required' }),
    subjectId: z.string({ message: 'required' }).trim().min(1, 'required').max(200, 'rateLimitSubjectUnknown'),
    policyGroup: z.enum(['*', ...POLICY_GROUPS] as [string, ...string[]], { message: 'required' }).default('*'),
    mode: z.enum(['limit', 'block'], { message: 'required' }),
    limit: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number({ message: 'rateLimitInvalid' }).int('rateLimitInvalid').min(0, 'rateLimitInvalid').max(1_000_000, 'rateLimitInvalid').optional()),
    reason: z.string().trim().max(500, 'rateLimitReasonTooLong').default(''),
    expiresInHours: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number({ message: 'rateLimitExpiryInvalid' }).int('rateLimitExpiryInvalid').min(1, 'rateLimitExpiryInvalid').max(24 * 365, 'rateLimitExpiryInvalid').optional()),
  })
  .refine((value) => value.mode === 'block' || value.limit !== undefined, { path: ['limit'], message: 'rateLimitInvalid' });

export type OverrideInput = z.infer<typeof overrideInput>;

function snapshot(row: RateLimitOverride | undefined): Record<string, unknown> | null {
  if (!row) return null;
  return { subjectType: row.subjectType, subjectId: row.subjectId, policyGroup: row.policyGroup, blocked: row.blocked, limit: row.limitOverride, reason: row.reason, expiresAt: row.expiresAt?.toISOString() ?? null };
}

async function assertSubjectExists(db: Db, type: OverrideInput['subjectType'], id: string): Promise<void> {
  if (type === 'ip') return;
  const uuid = z.uuid().safeParse(id);
  if (!uuid.success) throw new ServiceError('invalid', 'rateLimitSubjectUnknown', { field: 'subjectId' });
  const table = type === 'user' ? users : apiKeys;
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, id)).limit(1);
  if (!row) throw new ServiceError('invalid', 'rateLimitSubjectUnknown', { field: 'subjectId' });
}

/** Sets (creates or replaces) the override of one identity for one group, audited in the same transaction. */
export async function setOverride(db: Db, input: OverrideInput, context: MutationContext, now: Date = new Date()): Promise<RateLimitOverride> {
  await assertSubjectExists(db, input.subjectType, input.subjectId);
  return db.transaction(async (tx) => {
    const where = and(eq(rateLimitOverrides.subjectType, input.subjectType), eq(rateLimitOverrides.subjectId, input.subjectId), eq(rateLimitOverrides.policyGroup, input.policyGroup));
    const [before] = await tx.select().from(rateLimitOverrides).where(where).for('update').limit(1);
    const values = {
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      policyGroup: input.policyGroup,
      blocked: input.mode === 'block',
      limitOverride: input.mode === 'block' ? null : (input.limit ?? null),
      reason: input.reason,
      createdBy: context.actor.type === 'user' ? context.actor.id : null,
      createdAt: now,
      expiresAt: input.expiresInHours ? new Date(now.getTime() + input.expiresInHours * 3_600_000) : null,
    };
    const [row] = await tx
      .insert(rateLimitOverrides)
      .values(values)
      .onConflictDoUpdate({ target: [rateLimitOverrides.subjectType, rateLimitOverrides.subjectId, rateLimitOverrides.policyGroup], set: values })
      .returning();
    await recordAudit(tx, context, { action: 'rate_limit.override_set', target: { type: 'rate_limit_override', id: row!.id }, before: snapshot(before), after: snapshot(row) });
    return row!;
  });
}

export async function removeOverride(db: Db, id: string, context: MutationContext): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(rateLimitOverrides).where(eq(rateLimitOverrides.id, id)).returning();
    if (!row) throw new ServiceError('not_found', 'rateLimitOverrideNotFound');
    await recordAudit(tx, context, { action: 'rate_limit.override_remove', target: { type: 'rate_limit_override', id }, before: snapshot(row), after: null });
  });
}

export async function listOverrides(db: Db): Promise<RateLimitOverride[]> {
  return db.select().from(rateLimitOverrides).orderBy(rateLimitOverrides.subjectType, rateLimitOverrides.subjectId, rateLimitOverrides.policyGroup);
}

/** Sets an API key's monthly quota (null: back to the default), audited. */
export async function setQuota(db: Db, apiKeyId: string, monthlyLimit: number | null, context: MutationContext, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [key] = await tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, apiKeyId)).limit(1);
    if (!key) throw new ServiceError('not_found', 'apiKeyNotFound');
    const [before] = await tx.select().from(apiKeyQuotas).where(eq(apiKeyQuotas.apiKeyId, apiKeyId)).for('update').limit(1);
    if (monthlyLimit === null) await tx.delete(apiKeyQuotas).where(eq(apiKeyQuotas.apiKeyId, apiKeyId));
    else
      await tx
        .insert(apiKeyQuotas)
        .values({ apiKeyId, monthlyLimit, updatedAt: now })
        .onConflictDoUpdate({ target: apiKeyQuotas.apiKeyId, set: { monthlyLimit, updatedAt: now } });
    await recordAudit(tx, context, { action: 'quota.set', target: { type: 'api_key', id: apiKeyId }, before: { monthlyLimit: before?.monthlyLimit ?? null }, after: { monthlyLimit } });
  });
}
