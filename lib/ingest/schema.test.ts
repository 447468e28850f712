import { describe, expect, it } from 'vitest';
import { createIngestRequestSchema } from './schema';

describe('ingest schema', () => {
  it('refuses the reserved metadata key "agg", naming the field', () => {
    const result = createIngestRequestSchema().safeParse({
      points: [{ metric_type: 'api_response_time', value: 1, metadata: { agg: 1, count: 1_000_000 } }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['points.0.metadata', 'must not use the reserved key "agg"'],
    ]);
  });

  it('accepts ordinary metadata', () => {
    expect(createIngestRequestSchema().safeParse({ points: [{ metric_type: 'queue_depth', value: 3, metadata: { region: 'eu' } }] }).success).toBe(true);
  });
});
