import { ne, sql } from 'drizzle-orm';
import { churnModels, churnPredictions } from '../../../db/schema';
import type { DbOrTx } from '../../../db/types';
import { activeBetween, CHURN_FEATURES, featuresAt, HORIZON_DAYS } from './features';
import { auc, hash32, prng, score, train } from './logistic';

const DAY_MS = 86_400_000;
const MIN_USERS = 30;

export type ChurnTrainingResult =
  | { trained: true; modelId: string; auc: number; baselineAuc: number; trainSize: number; testSize: number; predictions: number }
  | { trained: false; reason: 'too_few_users' | 'one_class' };

/**
 * Trains on users whose outcome is known: a snapshot HORIZON_DAYS ago, features as of then,
 * label = no session since. Users are split 70/30 by a hash of their id; the held-out AUC is
 * kept next to the AUC of the same model trained on shuffled labels (a baseline that must
 * lose). Then scores every user active in the last 28 days, in the same transaction.
 */
export async function trainChurnModel(db: DbOrTx, now: Date): Promise<ChurnTrainingResult> {
  const snapshot = new Date(now.getTime() - HORIZON_DAYS * DAY_MS);
  const population = await featuresAt(db, snapshot);
  const retained = await activeBetween(db, snapshot, now);
  const labelled = population.map((u) => ({ ...u, churned: retained.has(u.userId) ? 0 : 1 }));
  if (labelled.length < MIN_USERS) return { trained: false, reason: 'too_few_users' };
  const trainSet = labelled.filter((u) => hash32(u.userId) % 10 < 7);
  const testSet = labelled.filter((u) => hash32(u.userId) % 10 >= 7);
  const classes = (set: typeof labelled) => new Set(set.map((u) => u.churned)).size;
  if (classes(trainSet) < 2 || classes(testSet) < 2) return { trained: false, reason: 'one_class' };

  const features = [...CHURN_FEATURES];
  const model = train(features, trainSet.map((u) => u.values), trainSet.map((u) => u.churned));
  const heldOut = auc(testSet.map((u) => score(model, u.values).probability), testSet.map((u) => u.churned))!;
  const random = prng(hash32(now.toISOString()));
  const shuffled = trainSet.map((u) => u.churned);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const baselineModel = train(features, trainSet.map((u) => u.values), shuffled);
  const baselineAuc = auc(testSet.map((u) => score(baselineModel, u.values).probability), testSet.map((u) => u.churned)) ?? 0.5;

  const current = await featuresAt(db, now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(churnModels)
      .values({ trainedAt: now, auc: heldOut, baselineAuc, trainSize: trainSet.length, testSize: testSet.length, model })
      .returning({ id: churnModels.id });
    const modelId = row!.id;
    const predictions = current.map((u) => {
      const { probability, contributions } = score(model, u.values);
      return {
        modelId,
        userId: u.userId,
        probability,
        contributions: features
          .map((feature, j) => ({ feature, value: u.values[j]!, contribution: contributions[j]! }))
          .sort((a, b) => b.contribution - a.contribution),
      };
    });
    for (let i = 0; i < predictions.length; i += 500) await tx.insert(churnPredictions).values(predictions.slice(i, i + 500));
    // Only the newest model's predictions are read; older ones would only grow the table.
    await tx.delete(churnPredictions).where(ne(churnPredictions.modelId, modelId));
    await tx.execute(sql`delete from churn_models where id <> ${modelId} and trained_at < ${now.toISOString()}::timestamptz - interval '90 days'`);
    return { trained: true as const, modelId, auc: heldOut, baselineAuc, trainSize: trainSet.length, testSize: testSet.length, predictions: predictions.length };
  });
}
