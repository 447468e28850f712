import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, exchangeRates, funnels, modelPrices, users } from '@/db/schema';
import { createTestDb, type TestDb } from '@/db/testing/test-db';
import { importExchangeRates, listExchangeRates, parseRatesCsv, rateCurrencies, setExchangeRate } from './exchange-rates';
import { createFunnel } from './funnels';
import { setModelPrice } from './model-prices';

const NOW = new Date('2026-04-30T12:00:00Z');

describe('analytics reference data, audited in the same transaction', () => {
  let t: TestDb;
  let context: { actor: { type: 'user'; id: string; role: 'admin'; email: string }; request: Record<string, never> };
  beforeAll(async () => {
    t = await createTestDb();
    const [user] = await t.db.insert(users).values({ email: 'a@example.com', passwordHash: 'x', displayName: 'A' }).returning();
    context = { actor: { type: 'user', id: user!.id, role: 'admin', email: 'a@example.com' }, request: {} };
  });
  afterAll(async () => t.close());

  it('imports rates (a second import of a day and pair replaces it) with one audit entry each', async () => {
    const first = parseRatesCsv('day,base,quote,rate\n2026-04-01,USD,EUR,0.9\n2026-04-01,USD,JPY,150');
    const second = parseRatesCsv('day,base,quote,rate\n2026-04-01,USD,EUR,0.95');
    if (!first.ok || !second.ok) throw new Error('parse');
    await importExchangeRates(t.db, first.rows, context, NOW);
    await importExchangeRates(t.db, second.rows, context, NOW);
    const rows = await t.db.select().from(exchangeRates).orderBy(exchangeRates.quote);
    expect(rows.map((r) => [r.quote, Number(r.rate)])).toEqual([['EUR', 0.95], ['JPY', 150]]);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'exchange_rates.import')).orderBy(auditLog.id);
    expect(audits.map((a) => a.after)).toEqual([
      { rows: 2, firstDay: '2026-04-01', lastDay: '2026-04-01', pairs: ['USD/EUR', 'USD/JPY'] },
      { rows: 1, firstDay: '2026-04-01', lastDay: '2026-04-01', pairs: ['USD/EUR'] },
    ]);
  });

  it('adds one rate, then edits it, each audited with the rate before', async () => {
    await setExchangeRate(t.db, { day: '2026-04-02', base: 'EUR', quote: 'GBP', rate: 0.85 }, context, NOW);
    await setExchangeRate(t.db, { day: '2026-04-02', base: 'EUR', quote: 'GBP', rate: 0.86 }, context, NOW);
    const { rows } = await listExchangeRates(t.db, { day: '2026-04-02' });
    expect(rows.map((r) => [r.base, r.quote, r.rate])).toEqual([['EUR', 'GBP', 0.86]]);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'exchange_rate.set')).orderBy(auditLog.id);
    expect(audits.map((a) => [a.targetId, a.before, a.after])).toEqual([
      ['2026-04-02/EUR/GBP', null, { rate: 0.85 }],
      ['2026-04-02/EUR/GBP', { rate: 0.85 }, { rate: 0.86 }],
    ]);
  });

  it('lists rates newest day first, by day and by a currency on either side, and says when more match', async () => {
    const rows = parseRatesCsv('day,base,quote,rate\n2026-04-03,USD,EUR,0.91\n2026-04-03,USD,JPY,149\n2026-04-04,GBP,USD,1.27');
    if (!rows.ok) throw new Error('parse');
    await importExchangeRates(t.db, rows.rows, context, NOW);
    const pairs = (list: Awaited<ReturnType<typeof listExchangeRates>>) => list.rows.map((r) => `${r.day} ${r.base}/${r.quote}`);
    expect(pairs(await listExchangeRates(t.db, { currency: 'EUR' }))).toEqual(['2026-04-03 USD/EUR', '2026-04-02 EUR/GBP', '2026-04-01 USD/EUR']);
    expect(pairs(await listExchangeRates(t.db, { day: '2026-04-03', currency: 'JPY' }))).toEqual(['2026-04-03 USD/JPY']);
    const firstTwo = await listExchangeRates(t.db, {}, 2);
    expect([pairs(firstTwo), firstTwo.more]).toEqual([['2026-04-04 GBP/USD', '2026-04-03 USD/EUR'], true]);
    expect(await rateCurrencies(t.db)).toEqual(['EUR', 'GBP', 'JPY', 'USD']);
  });

  it('sets a model price and audits the previous one', async () => {
    await setModelPrice(t.db, { model: 'm1', promptPer1kUsd: 0.5, completionPer1kUsd: 1.5 }, context, NOW);
    await setModelPrice(t.db, { model: 'm1', promptPer1kUsd: 0.25, completionPer1kUsd: 1 }, context, NOW);
    const [price] = await t.db.select().from(modelPrices);
    expect([Number(price!.promptPer1kUsd), Number(price!.completionPer1kUsd)]).toEqual([0.25, 1]);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'model_price.update')).orderBy(auditLog.id);
    expect(audits.at(-1)).toMatchObject({ before: { promptPer1kUsd: 0.5, completionPer1kUsd: 1.5 }, after: { promptPer1kUsd: 0.25, completionPer1kUsd: 1 } });
  });

  it('saves a funnel with its creator, audited', async () => {
    const id = await createFunnel(t.db, { name: 'Activation', steps: [{ event: 'signup' }, { event: 'plugin_installed', property: { key: 'plugin_id', value: 'git' } }], windowHours: 48 }, context);
    const [row] = await t.db.select().from(funnels).where(eq(funnels.id, id));
    expect(row).toMatchObject({ name: 'Activation', windowHours: 48, createdBy: context.actor.id });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'funnel.create'));
    expect(audit).toMatchObject({ targetId: id, outcome: 'success' });
  });
});
