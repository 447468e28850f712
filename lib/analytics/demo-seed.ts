import { sql } from 'drizzle-orm';
import { exchangeRates, modelPrices } from '../../db/schema';
import type { Db } from '../../db/types';
import { storeEvents } from '../events/store';
import { runAnalyticsAggregator } from './aggregate';
import { trainChurnModel } from './churn/train';
import { addDays, dayOf } from './days';
import { DEMO_PRICES, generateDemoData } from './demo';

/** Loads the demo data (idempotent: event ids and rate keys are stable), aggregates and trains. */
export async function seedDemo(db: Db, options: { now: Date; users?: number }) {
  // The demo ends yesterday: events of a whole today would lie in the future.
  const { events, rates } = generateDemoData({ end: addDays(dayOf(options.now), -1), users: options.users });
  let stored = 0;
  for (let i = 0; i < events.length; i += 1000) stored += await storeEvents(db, { events: events.slice(i, i + 1000) }, options.now);
  for (let i = 0; i < rates.length; i += 1000) {
    await db.insert(exchangeRates).values(rates.slice(i, i + 1000)).onConflictDoUpdate({ target: [exchangeRates.day, exchangeRates.base, exchangeRates.quote], set: { rate: sql`excluded.rate` } });
  }
  await db.insert(modelPrices).values(DEMO_PRICES).onConflictDoNothing();
  const first = events[0]?.occurred_at.slice(0, 10) ?? dayOf(options.now);
  const aggregated = await runAnalyticsAggregator(db, { now: options.now, range: { from: first, to: dayOf(options.now) } });
  const churn = await trainChurnModel(db, options.now);
  return { events: events.length, stored, rates: rates.length, days: aggregated.days, churn };
}
