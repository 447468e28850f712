import { describe, expect, it } from 'vitest';
import { parsePeriod } from './report-period';
import { auditSearchQuery, parseAuditSearch } from './search-params';

describe('parseAuditSearch', () => {
  it('reads the filter, with times in the reader zone and "to" including its minute', () => {
    const parsed = parseAuditSearch(
      { actor: ' ada ', action: 'user.create', outcome: 'denied', from: '2030-01-31T09:00', to: '2030-01-31T17:30', q: '', target: 'user:u1', before: '1893456000000_120' },
      'Asia/Tokyo',
    );
    expect(parsed.values).toEqual({ actor: 'ada', action: 'user.create', outcome: 'denied', from: '2030-01-31T09:00', to: '2030-01-31T17:30', target: 'user:u1' });
    expect(parsed.filter.from?.toISOString()).toBe('2030-01-31T00:00:00.000Z');
    expect(parsed.filter.to?.toISOString()).toBe('2030-01-31T08:31:00.000Z');
    expect(parsed.before).toEqual({ createdAt: new Date(1893456000000), id: 120 });
    expect(auditSearchQuery(parsed.values, { createdAt: new Date(5), id: 7 })).toBe('?actor=ada&action=user.create&target=user%3Au1&outcome=denied&from=2030-01-31T09%3A00&to=2030-01-31T17%3A30&before=5_7');
  });

  it('ignores what it cannot read instead of failing the page', () => {
    const parsed = parseAuditSearch({ action: 'drop table', outcome: 'maybe', from: 'yesterday', before: '-1', actor: ['a', 'b'] }, 'UTC');
    expect(parsed.values).toEqual({ actor: 'a' });
    expect(parsed.filter.from).toBeUndefined();
    expect(parsed.before).toBeUndefined();
  });
});

describe('parsePeriod', () => {
  const now = new Date('2030-03-10T20:00:00Z');

  it('offers the last 7 days in the reader zone by default', () => {
    expect(parsePeriod({}, 'Asia/Tokyo', now)).toEqual({ status: 'none', from: '2030-03-05', to: '2030-03-11' });
  });

  it('reads both days inclusive, as instants in the reader zone', () => {
    const parsed = parsePeriod({ from: '2030-03-05', to: '2030-03-11' }, 'Asia/Tokyo', now);
    expect(parsed.status).toBe('ok');
    if (parsed.status !== 'ok') return;
    expect(parsed.period.from.toISOString()).toBe('2030-03-04T15:00:00.000Z');
    expect(parsed.period.to.toISOString()).toBe('2030-03-11T15:00:00.000Z');
  });

  it('refuses a reversed, malformed or over-long period', () => {
    expect(parsePeriod({ from: '2030-03-11', to: '2030-03-05' }, 'UTC', now).status).toBe('invalid');
    expect(parsePeriod({ from: '2030-3-1', to: '2030-03-05' }, 'UTC', now).status).toBe('invalid');
    expect(parsePeriod({ from: '2028-01-01', to: '2030-03-05' }, 'UTC', now).status).toBe('invalid');
  });
});
