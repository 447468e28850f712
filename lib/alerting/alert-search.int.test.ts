import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemAlerts } from '../../db/schema';
import { createTestDb, type TestDb } from '../../db/testing/test-db';
import { localDateTimeInput, parseAlertSearch } from './alert-search';
import { listAlerts } from './queries';
import { insertRule } from './testing';

const NOW = new Date('2026-06-15T12:00:00Z');
const HOUR = 3_600_000;

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

/** Alerts created 2 h, 3 days, 20 days and 60 days before NOW; the 3-day one is still open. */
async function seed() {
  const rule = await insertRule(t.db, { ruleName: 'Checkout latency' });
  const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * HOUR);
  await t.db.insert(systemAlerts).values([
    { severity: 'critical', message: '2h', createdAt: at(2), resolved: true, resolvedAt: at(1) },
    { severity: 'warning', message: '3d', createdAt: at(72), alertRuleId: rule.id },
    { severity: 'info', message: '20d', createdAt: at(20 * 24), resolved: true },
    { severity: 'critical', message: '60d', createdAt: at(60 * 24), resolved: true },
  ]);
  return rule;
}

const messages = async (params: Record<string, string>, timeZone = 'UTC') => {
  const { filters, problems } = parseAlertSearch(params, timeZone, NOW);
  return { messages: (await listAlerts(t.db, filters)).map((r) => r.alert.message).sort(), problems };
};

describe('AlertCenter time filter', () => {
  it('narrows to the last 24 h, 7 days, 30 days or all time', async () => {
    await seed();
    expect((await messages({ period: '24h' })).messages).toEqual(['2h']);
    expect((await messages({ period: '7d' })).messages).toEqual(['2h', '3d']);
    expect((await messages({ period: '30d' })).messages).toEqual(['20d', '2h', '3d']);
    expect((await messages({ period: 'all' })).messages).toEqual(['20d', '2h', '3d', '60d']);
    expect((await messages({})).messages).toHaveLength(4);
  });

  it('reads a from-to range as wall-clock times in the reader’s zone, replacing the period', async () => {
    await seed();
    // 3 days ago was 2026-06-12 12:00 UTC = 14:00 in Berlin (CEST).
    const berlin = { from: '2026-06-12T13:59', to: '2026-06-12T14:01', period: '24h' };
    expect((await messages(berlin, 'Europe/Berlin')).messages).toEqual(['3d']);
    // The same wall-clock range read as UTC misses it.
    expect((await messages(berlin, 'UTC')).messages).toEqual([]);
    // An open-ended range: everything since 25 days ago in Tokyo.
    expect((await messages({ from: localDateTimeInput(new Date(NOW.getTime() - 25 * 24 * HOUR), 'Asia/Tokyo') }, 'Asia/Tokyo')).messages).toEqual(['20d', '2h', '3d']);
  });

  it('combines time with severity, status and rule, and reports times it could not use', async () => {
    const rule = await seed();
    expect((await messages({ period: '30d', severity: 'critical' })).messages).toEqual(['2h']);
    expect((await messages({ period: '7d', status: 'open', rule: rule.id })).messages).toEqual(['3d']);
    const bad = await messages({ from: 'yesterday', period: '24h' });
    expect(bad).toEqual({ messages: ['2h'], problems: ['fromInvalid'] });
    const backwards = await messages({ from: '2026-06-14T00:00', to: '2026-06-01T00:00' });
    expect(backwards).toEqual({ messages: ['20d', '2h', '3d', '60d'], problems: ['fromAfterTo'] });
    expect(parseAlertSearch({ severity: 'loud', status: 'x', rule: 'not-a-uuid', period: '1y' }, 'UTC', NOW).filters).toEqual({ severity: undefined, status: undefined, ruleId: undefined });
  });
});
