import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { churnPredictions } from '@/db/schema';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { storeEvents } from '../../events/store';
import { generateDemoData } from '../demo';
import { trainChurnModel } from './train';

const NOW = new Date('2026-05-01T00:00:00Z');

describe('churn model on demo data with a planted signal', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const { events } = generateDemoData({ end: '2026-04-30', users: 400 });
    for (let i = 0; i < events.length; i += 1000) await storeEvents(t.db, { events: events.slice(i, i + 1000) }, NOW);
  }, 120_000);
  afterAll(async () => t.close());

  it('reaches held-out AUC >= 0.75, beats a shuffled-label baseline, and explains each prediction', async () => {
    const result = await trainChurnModel(t.db, NOW);
    if (!result.trained) throw new Error(`not trained: ${result.reason}`);
    expect(result.testSize).toBeGreaterThan(40);
    expect(result.auc).toBeGreaterThanOrEqual(0.75);
    expect(result.auc).toBeGreaterThan(result.baselineAuc + 0.1);
    const predictions = await t.db.select().from(churnPredictions);
    expect(predictions.length).toBe(result.predictions);
    for (const p of predictions.slice(0, 20)) {
      expect(p.probability).toBeGreaterThanOrEqual(0);
      expect(p.probability).toBeLessThanOrEqual(1);
      expect(p.contributions).toHaveLength(7);
    }
  }, 120_000);

  it('generates the same demo data every time', () => {
    const a = generateDemoData({ end: '2026-04-30', users: 20 });
    const b = generateDemoData({ end: '2026-04-30', users: 20 });
    expect(a).toEqual(b);
    expect(a.events.length).toBeGreaterThan(200);
  });
});
