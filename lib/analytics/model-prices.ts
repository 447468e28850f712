import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { modelPrices } from '../../db/schema';
import type { Db } from '../../db/types';
import type { MutationContext } from '../audit/context';
import { recordAudit } from '../audit/record';

/** A price as typed: a plain decimal (no sign, no exponent, no empty field read as 0), 0 to 1,000 USD per 1K tokens. */
const price = z
  .string({ error: 'priceInvalid' })
  .trim()
  .regex(/^\d{1,4}(\.\d{1,8})?$/, { error: 'priceInvalid' })
  .transform(Number)
  .refine((value) => value <= 1000, { error: 'priceInvalid' });

export const modelPriceSchema = z.object({
  model: z.string().trim().min(1, { error: 'required' }).max(100, { error: 'modelInvalid' }),
  promptPer1kUsd: price,
  completionPer1kUsd: price,
});
export type ModelPriceInput = z.output<typeof modelPriceSchema>;

/** Sets a model's price per 1K tokens (USD); audited with the previous price in the same transaction. */
export async function setModelPrice(db: Db, input: ModelPriceInput, context: MutationContext, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(modelPrices).where(eq(modelPrices.model, input.model)).limit(1);
    await tx
      .insert(modelPrices)
      .values({ ...input, updatedAt: now })
      .onConflictDoUpdate({ target: modelPrices.model, set: { promptPer1kUsd: input.promptPer1kUsd, completionPer1kUsd: input.completionPer1kUsd, updatedAt: now } });
    await recordAudit(tx, context, {
      action: 'model_price.update',
      target: { type: 'model_price', id: input.model },
      before: before ? { promptPer1kUsd: Number(before.promptPer1kUsd), completionPer1kUsd: Number(before.completionPer1kUsd) } : null,
      after: { promptPer1kUsd: input.promptPer1kUsd, completionPer1kUsd: input.completionPer1kUsd },
    });
  });
}

export async function listModelPrices(db: Db) {
  return (await db.select().from(modelPrices).orderBy(modelPrices.model)).map((p) => ({ ...p, promptPer1kUsd: Number(p.promptPer1kUsd), completionPer1kUsd: Number(p.completionPer1kUsd) }));
}
