import { describe, expect, it } from 'vitest';
import { validateEventBatch } from '../events/validate';
import { validateIngestBody } from './validate';

const DAY_MS = 86_400_000;
const now = new Date('2026-05-01T12:00:00Z');
const bounds = { now, oldest: new Date(now.getTime() - 7 * DAY_MS), retentionDays: 7 };
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
const point = (recorded_at: string) => ({ metric_type: 'queue_depth', value: 1, recorded_at });
const event = (id: string, occurred_at: string) => ({ id, name: 'custom.thing', user_id: 'u1', occurred_at });

describe('time bounds of ingested points and events (one schema per process, bounds per request)', () => {
  it('refuses points from the future or older than raw retention, naming each, and takes the bounds of each call', () => {
    const body = { points: [point(at(-60_000)), point(at(6 * 60_000)), point(at(-8 * DAY_MS))] };
    expect(validateIngestBody(body, bounds)).toEqual({
      ok: false,
      issues: [
        { path: 'points[1].recorded_at', message: 'is more than 5 minutes in the future' },
        { path: 'points[2].recorded_at', message: 'is older than the raw retention window (7 days)' },
      ],
    });
    // The same body a day later: what was in the future is fine, the old point is still too old,
    // and one within 7 days then is now past a 1-day retention.
    const later = new Date(now.getTime() + DAY_MS);
    const result = validateIngestBody(body, { now: later, oldest: new Date(later.getTime() - DAY_MS), retentionDays: 1 });
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(['points[0].recorded_at', 'points[2].recorded_at']);
    expect(validateIngestBody({ points: [point(at(0))] }, bounds).ok).toBe(true);
  });

  it('refuses events from the future or too old, and accepts them again within the bounds', () => {
    const result = validateEventBatch({ events: [event('a', at(0)), event('b', at(10 * 60_000))] }, { now });
    expect(result).toEqual({ ok: false, issues: [{ path: 'events[1].occurred_at', message: 'is more than 5 minutes in the future' }] });
    expect(validateEventBatch({ events: [event('b', at(10 * 60_000))] }, { now: new Date(now.getTime() + 10 * 60_000) }).ok).toBe(true);
  });
});
