import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeRates, modelPrices } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { storeEvents } from '../events/store';
import { runAnalyticsAggregator } from './aggregate';
import { loadAiPerformance } from './queries/ai';
import { loadEngagement } from './queries/engagement';
import { runFunnel } from './queries/funnel';
import { loadRevenue } from './queries/revenue';

const NOW = new Date('2026-04-30T12:00:00Z');
type E = { id: string; name: string; user_id: string; occurred_at: string; properties?: Record<string, unknown> };
let n = 0;
const ev = (name: string, user: string, at: string, properties?: Record<string, unknown>): E => ({ id: `t${++n}`, name, user_id: user, occurred_at: at, ...(properties ? { properties } : {}) });
const sub = (name: string, user: string, at: string, mrr: number, currency: string) => ev(name, user, at, { plan: 'pro', mrr_minor: mrr, currency });

async function withEvents(events: E[]): Promise<TestDb> {
  const t = await createTestDb();
  await storeEvents(t.db, { events }, NOW);
  return t;
}

describe('analytics rollups and reads (hand-computed)', () => {
  describe('MRR movements', () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await withEvents([
        sub('subscription_started', 'a', '2026-04-01T10:00:00Z', 1000, 'USD'),
        sub('subscription_changed', 'a', '2026-04-03T10:00:00Z', 2500, 'USD'),
        sub('subscription_changed', 'a', '2026-04-05T10:00:00Z', 2000, 'USD'),
        ev('subscription_cancelled', 'a', '2026-04-07T10:00:00Z', { plan: 'pro', currency: 'USD' }),
        sub('subscription_started', 'b', '2026-04-01T11:00:00Z', 5000, 'EUR'),
        sub('subscription_changed', 'b', '2026-04-04T11:00:00Z', 700, 'JPY'),
        sub('subscription_started', 'c', '2026-04-02T08:00:00Z', 1000, 'USD'),
        sub('subscription_changed', 'c', '2026-04-02T20:00:00Z', 1500, 'USD'),
      ]);
    });
    afterAll(async () => t.close());

    const movements = async () =>
      queryRows<Record<string, unknown>>(
        t.db,
        sql`select day::text as day, currency, new_minor::int as n, expansion_minor::int as e, contraction_minor::int as c, churned_minor::int as ch from analytics_daily_mrr order by day, currency`,
      );
    const expected = [
      { day: '2026-04-01', currency: 'EUR', n: 5000, e: 0, c: 0, ch: 0 },
      { day: '2026-04-01', currency: 'USD', n: 1000, e: 0, c: 0, ch: 0 },
      { day: '2026-04-02', currency: 'USD', n: 1500, e: 0, c: 0, ch: 0 },
      { day: '2026-04-03', currency: 'USD', n: 0, e: 1500, c: 0, ch: 0 },
      { day: '2026-04-04', currency: 'EUR', n: 0, e: 0, c: 0, ch: 5000 },
      { day: '2026-04-04', currency: 'JPY', n: 700, e: 0, c: 0, ch: 0 },
      { day: '2026-04-05', currency: 'USD', n: 0, e: 0, c: 500, ch: 0 },
      { day: '2026-04-07', currency: 'USD', n: 0, e: 0, c: 0, ch: 2000 },
    ];

    it('classifies new, expansion, contraction, churn and a currency change exactly', async () => {
      await runAnalyticsAggregator(t.db, { now: NOW });
      expect(await movements()).toEqual(expected);
    });

    it('recomputes a day range alone, any number of times, without duplicates', async () => {
      await runAnalyticsAggregator(t.db, { now: NOW, range: { from: '2026-04-04', to: '2026-04-05' } });
      await runAnalyticsAggregator(t.db, { now: NOW, range: { from: '2026-04-04', to: '2026-04-05' } });
      await runAnalyticsAggregator(t.db, { now: NOW });
      expect(await movements()).toEqual(expected);
    });

    it('reads MRR, ARR and movements in USD with rates, and says which rates are missing', async () => {
      // 1 USD = 0.8 EUR = 140 JPY on 04-04 only.
      await t.db.insert(exchangeRates).values([
        { day: '2026-04-04', base: 'USD', quote: 'EUR', rate: 0.8 },
        { day: '2026-04-04', base: 'USD', quote: 'JPY', rate: 140 },
      ]);
      const report = await loadRevenue(t.db, { from: '2026-04-03', to: '2026-04-04' }, 'USD');
      // End of 04-04: a 25.00 USD + c 15.00 USD + b 700 JPY (= 5.00 USD) = 45.00 USD.
      expect(report.days[1]).toMatchObject({ day: '2026-04-04', newMrr: 5, churned: 62.5, expansion: 0, contraction: 0 });
      expect(report.days[1]!.mrr).toBeCloseTo(45, 9);
      expect(report.arr).toBeCloseTo(540, 9);
      // 04-03: b's 50.00 EUR is open and there is no EUR rate that day.
      expect(report.days[0]).toMatchObject({ day: '2026-04-03', expansion: 15, mrr: null, missingRates: ['EUR'] });
    });
  });

  describe('revenue by currency, converted', () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await withEvents([
        ev('payment_succeeded', 'p', '2026-04-01T10:00:00Z', { amount_minor: 1000, currency: 'EUR' }),
        ev('payment_succeeded', 'q', '2026-04-01T11:00:00Z', { amount_minor: 500, currency: 'JPY' }),
        ev('payment_failed', 'q', '2026-04-01T12:00:00Z', { amount_minor: 500, currency: 'JPY' }),
        ev('payment_succeeded', 'p', '2026-04-02T10:00:00Z', { amount_minor: 2000, currency: 'USD' }),
      ]);
      await t.db.insert(exchangeRates).values([
        { day: '2026-04-01', base: 'USD', quote: 'EUR', rate: 0.9 },
        { day: '2026-04-01', base: 'USD', quote: 'JPY', rate: 150 },
      ]);
      await runAnalyticsAggregator(t.db, { now: NOW });
    });
    afterAll(async () => t.close());

    it('converts at the rate of each day, directly, inversely and across the base', async () => {
      const usd = await loadRevenue(t.db, { from: '2026-04-01', to: '2026-04-02' }, 'USD');
      expect(usd.days[0]!.revenue).toBeCloseTo(10 / 0.9 + 500 / 150, 9);
      expect(usd.days[1]!.revenue).toBe(20);
      const eur = await loadRevenue(t.db, { from: '2026-04-01', to: '2026-04-02' }, 'EUR');
      expect(eur.days[0]!.revenue).toBeCloseTo(10 + (500 / 150) * 0.9, 9);
      // No rate on 04-02: missing, never 1.
      expect(eur.days[1]).toMatchObject({ revenue: null, missingRates: ['USD'] });
      expect(eur.totals.revenue).toBeNull();
      expect(eur.byCurrency).toEqual([
        { currency: 'EUR', payments: 1, failedPayments: 0, amount: 10, converted: 10, missingRateDays: 0 },
        { currency: 'JPY', payments: 1, failedPayments: 1, amount: 500, converted: expect.closeTo(3, 9), missingRateDays: 0 },
        { currency: 'USD', payments: 1, failedPayments: 0, amount: 20, converted: null, missingRateDays: 1 },
      ]);
    });
  });

  describe('DAU/WAU/MAU and weekly retention', () => {
    let t: TestDb;
    beforeAll(async () => {
      // 2026-04-01 is a Wednesday: weeks start 03-30 and 04-06.
      t = await withEvents([
        ev('session_start', 'u1', '2026-04-01T09:00:00Z'),
        ev('page_view', 'u1', '2026-04-01T09:01:00Z', { path: '/' }),
        ev('session_start', 'u1', '2026-04-02T23:59:00Z'),
        ev('session_start', 'u2', '2026-04-02T00:00:00Z'),
        ev('session_start', 'u1', '2026-04-08T12:00:00Z'),
        ev('session_start', 'u3', '2026-04-08T12:00:00Z'),
        ev('session_start', 'u3', '2026-04-09T12:00:00Z'),
      ]);
      await runAnalyticsAggregator(t.db, { now: NOW });
    });
    afterAll(async () => t.close());

    it('counts distinct users per day, 7 days and 30 days', async () => {
      const { days } = await loadEngagement(t.db, { from: '2026-04-01', to: '2026-04-09' });
      const pick = (day: string) => days.find((d) => d.day === day);
      expect(pick('2026-04-01')).toEqual({ day: '2026-04-01', dau: 1, wau: 1, mau: 1, stickiness: 1 });
      expect(pick('2026-04-02')).toMatchObject({ dau: 2, wau: 2, mau: 2 });
      expect(pick('2026-04-05')).toMatchObject({ dau: 0, wau: 2, mau: 2, stickiness: 0 });
      expect(pick('2026-04-08')).toMatchObject({ dau: 2, wau: 3, mau: 3 });
      expect(pick('2026-04-09')).toMatchObject({ dau: 1, wau: 2, mau: 3 });
      expect(pick('2026-04-09')!.stickiness).toBeCloseTo(1 / 3, 9);
    });

    it('builds the weekly cohort matrix', async () => {
      const { cohorts } = await loadEngagement(t.db, { from: '2026-04-01', to: '2026-04-09' });
      expect(cohorts).toEqual([
        { week: '2026-03-30', size: 2, retained: [2, 1] },
        { week: '2026-04-06', size: 1, retained: [1] },
      ]);
    });
  });

  describe('AI performance', () => {
    let t: TestDb;
    beforeAll(async () => {
      const req = (id: string, prompt: number, completion: number, latency: number, hit: boolean, outcome: string) => ({
        id,
        name: 'ai_request',
        user_id: 'u',
        occurred_at: '2026-04-10T10:00:00Z',
        properties: { model: 'm1', prompt_tokens: prompt, completion_tokens: completion, latency_ms: latency, cache_hit: hit, outcome },
      });
      t = await withEvents([
        req('r1', 1000, 200, 100, false, 'success'),
        req('r2', 2000, 400, 300, false, 'error'),
        req('r3', 1000, 200, 5, true, 'success'),
        ev('ai_feedback', 'u', '2026-04-10T11:00:00Z', { request_id: 'r1', rating: 5, correct: true }),
        ev('ai_feedback', 'u', '2026-04-10T11:00:00Z', { request_id: 'r2', rating: 2, correct: false }),
      ]);
      await t.db.insert(modelPrices).values({ model: 'm1', promptPer1kUsd: 0.5, completionPer1kUsd: 1.5 });
      await t.db.insert(exchangeRates).values({ day: '2026-04-10', base: 'USD', quote: 'EUR', rate: 0.5 });
      await runAnalyticsAggregator(t.db, { now: NOW });
    });
    afterAll(async () => t.close());

    it('gives cost per request, cache savings, accuracy, rating and latency', async () => {
      const usd = await loadAiPerformance(t.db, { from: '2026-04-10', to: '2026-04-10' }, 'USD');
      // r1 0.5 + 0.3 = 0.8, r2 1.0 + 0.6 = 1.6, r3 a cache hit: free, saves 0.8.
      expect(usd.models).toEqual([
        expect.objectContaining({ model: 'm1', requests: 3, errors: 1, cacheHits: 1, accuracy: 0.5, rating: 3.5, meanLatency: 135, hasPrice: true }),
      ]);
      expect(usd.models[0]!.cost).toBeCloseTo(2.4, 9);
      expect(usd.models[0]!.costPerRequest).toBeCloseTo(0.8, 9);
      expect(usd.models[0]!.cacheSavings).toBeCloseTo(0.8, 9);
      expect(usd.days[0]).toMatchObject({ latencyP50: 100 });
      const eur = await loadAiPerformance(t.db, { from: '2026-04-10', to: '2026-04-10' }, 'EUR');
      expect(eur.models[0]!.costPerRequest).toBeCloseTo(0.4, 9);
      const jpy = await loadAiPerformance(t.db, { from: '2026-04-10', to: '2026-04-10' }, 'JPY');
      expect(jpy.models[0]!.cost).toBeNull();
    });
  });

  describe('funnel with a conversion window', () => {
    let t: TestDb;
    beforeAll(async () => {
      const h = (hours: number) => new Date(Date.parse('2026-04-10T00:00:00Z') + hours * 3_600_000).toISOString();
      const git = { plugin_id: 'git' };
      const pay = { amount_minor: 100, currency: 'USD' };
      t = await withEvents([
        ev('signup', 'f1', h(0)), ev('plugin_installed', 'f1', h(1), git), ev('payment_succeeded', 'f1', h(5), pay),
        ev('signup', 'f2', h(0)), ev('plugin_installed', 'f2', h(1), { plugin_id: 'other' }), ev('plugin_installed', 'f2', h(2), git), ev('payment_succeeded', 'f2', h(30), pay),
        ev('signup', 'f3', h(0)), ev('payment_succeeded', 'f3', h(1), pay), ev('plugin_installed', 'f3', h(2), git),
        ev('signup', 'f4', h(0)), ev('plugin_installed', 'f4', h(3), git), ev('payment_succeeded', 'f4', h(10), pay),
        ev('plugin_installed', 'f5', h(1), git), ev('payment_succeeded', 'f5', h(2), pay),
        ev('signup', 'f6', h(0)),
      ]);
    });
    afterAll(async () => t.close());

    it('counts ordered steps within the window, with drop-off and median time to convert', async () => {
      const result = await runFunnel(
        t.db,
        { steps: [{ event: 'signup' }, { event: 'plugin_installed', property: { key: 'plugin_id', value: 'git' } }, { event: 'payment_succeeded' }], windowHours: 24 },
        { from: '2026-04-10', to: '2026-04-10' },
      );
      expect(result.steps.map((s) => [s.users, s.dropOff])).toEqual([[5, 0], [4, 1], [2, 2]]);
      expect(result.steps[1]!.fromPrevious).toBe(0.8);
      expect(result.steps[2]!.fromPrevious).toBe(0.5);
      expect(result.conversion).toBe(0.4);
      expect(result.medianSecondsToConvert).toBe(7.5 * 3600);
      // A 48-hour window lets f2 convert too (at 30 h).
      const wide = await runFunnel(t.db, { steps: [{ event: 'signup' }, { event: 'plugin_installed', property: { key: 'plugin_id', value: 'git' } }, { event: 'payment_succeeded' }], windowHours: 48 }, { from: '2026-04-10', to: '2026-04-10' });
      expect(wide.steps.map((s) => s.users)).toEqual([5, 4, 3]);
      expect(wide.medianSecondsToConvert).toBe(10 * 3600);
    });
  });
});
