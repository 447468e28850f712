import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { security: unknown; responses: Record<string, unknown> }>>;
    components: { securitySchemes: Record<string, unknown>; schemas: Record<string, Record<string, unknown>> };
  };

  it('is OpenAPI 3.1 with a bearer scheme and the ingest operation with its error answers', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const post = doc.paths['/api/v1/metrics']!.post!;
    expect(post.security).toEqual([{ apiKey: ['metrics:write'] }]);
    expect(Object.keys(post.responses).sort()).toEqual(['202', '400', '401', '403', '422', '429', '500', '503']);
  });

  it('publishes the limits the handler enforces, generated from the zod schemas', () => {
    const { IngestRequest, MetricPoint, ApiError } = doc.components.schemas;
    expect(IngestRequest).toMatchObject({ required: ['points'], properties: { points: { minItems: 1, maxItems: 1000 } } });
    expect(MetricPoint).toMatchObject({
      required: ['metric_type', 'value'],
      additionalProperties: false,
      properties: { metric_type: { pattern: '^[a-z][a-z0-9_.:-]{0,63}$' }, endpoint: { maxLength: 200 }, recorded_at: { format: 'date-time' } },
    });
    expect(ApiError).toMatchObject({ required: ['error', 'message', 'requestId'] });
  });

  it('has no dangling references', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(3);
    for (const ref of refs) {
      const name = /#\/components\/schemas\/(\w+)"$/.exec(ref)?.[1];
      expect(name && doc.components.schemas[name], ref).toBeTruthy();
    }
  });
});
