import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../ingest/openapi';

describe('OpenAPI document: events', () => {
  const doc = buildOpenApiDocument() as {
    paths: Record<string, Record<string, { security: unknown; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, Record<string, unknown>> };
  };

  it('publishes POST /api/v1/events with the events:write scope and its limits', () => {
    const post = doc.paths['/api/v1/events']!.post!;
    expect(post.security).toEqual([{ apiKey: ['events:write'] }]);
    expect(Object.keys(post.responses).sort()).toEqual(['202', '400', '401', '403', '422', '429', '500', '503']);
    expect(doc.components.schemas.EventBatch).toMatchObject({ required: ['events'], properties: { events: { minItems: 1, maxItems: 1000 } } });
    expect(doc.components.schemas.ProductEvent).toMatchObject({ required: ['id', 'name', 'user_id', 'occurred_at'], additionalProperties: false });
    const known = doc.components.schemas.KnownEventProperties as { properties: Record<string, { required?: string[] }> };
    expect(known.properties.payment_succeeded!.required).toEqual(['amount_minor', 'currency']);
    expect(known.properties.ai_feedback!.required).toEqual(['request_id', 'rating', 'correct']);
  });
});
