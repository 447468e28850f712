import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, exchangeRates } from '@/db/schema';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { storeEvents } from '../events/store';
import { runAnalyticsAggregator } from './aggregate';
import { exportAnalyticsCsv } from './export';

const NOW = new Date('2026-04-03T12:00:00Z');
const context = { actor: { type: 'system' as const, id: 'test' }, request: {} };

describe('analytics CSV export', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await storeEvents(
      t.db,
      {
        events: [
          { id: 'p1', name: 'payment_succeeded', user_id: 'u', occurred_at: '2026-04-02T10:00:00Z', properties: { amount_minor: 1500, currency: 'JPY' } },
          { id: 'p2', name: 'payment_succeeded', user_id: 'u', occurred_at: '2026-04-03T10:00:00Z', properties: { amount_minor: 250, currency: 'EUR' } },
        ],
      },
      NOW,
    );
    await t.db.insert(exchangeRates).values({ day: '2026-04-02', base: 'EUR', quote: 'JPY', rate: 160 });
    await runAnalyticsAggregator(t.db, { now: NOW });
  });
  afterAll(async () => t.close());

  it('writes revenue per currency in the display currency, a missing rate as an empty cell, and audits the export', async () => {
    const csv = await exportAnalyticsCsv(t.db, 'revenue', { from: '2026-04-02', to: '2026-04-03' }, 'EUR', context);
    expect(csv).toBe(
      'day,revenue_EUR,mrr_EUR,new_EUR,expansion_EUR,contraction_EUR,churned_EUR,missing_rates\r\n' +
        '2026-04-02,9.375,0,0,0,0,0,\r\n' +
        '2026-04-03,2.5,0,0,0,0,0,\r\n',
    );
    const jpy = await exportAnalyticsCsv(t.db, 'currencies', { from: '2026-04-02', to: '2026-04-03' }, 'JPY', context);
    expect(jpy).toBe('currency,payments,failed_payments,amount,converted_JPY,days_missing_rate\r\nEUR,1,0,2.5,,1\r\nJPY,1,0,1500,1500,0\r\n');
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'analytics.export')).orderBy(auditLog.id);
    expect(audits.map((a) => [a.targetId, a.after])).toEqual([
      ['revenue', { from: '2026-04-02', to: '2026-04-03', currency: 'EUR', rows: 2 }],
      ['currencies', { from: '2026-04-02', to: '2026-04-03', currency: 'JPY', rows: 2 }],
    ]);
  });
});
