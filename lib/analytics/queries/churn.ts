import { desc, eq } from 'drizzle-orm';
import { churnModels, churnPredictions } from '../../../db/schema';
import type { DbOrTx } from '../../../db/types';

/** The newest churn model and its users, most at risk first. */
export async function loadChurn(db: DbOrTx, limit = 50) {
  const [model] = await db.select().from(churnModels).orderBy(desc(churnModels.trainedAt)).limit(1);
  if (!model) return null;
  const atRisk = await db
    .select()
    .from(churnPredictions)
    .where(eq(churnPredictions.modelId, model.id))
    .orderBy(desc(churnPredictions.probability), churnPredictions.userId)
    .limit(limit);
  return { model, atRisk };
}
