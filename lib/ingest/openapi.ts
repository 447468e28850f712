import { z } from 'zod';
import { MAX_BODY_BYTES, MAX_POINTS_PER_BATCH, apiErrorSchema, ingestAcceptedSchema, ingestSchemas, validationIssueSchema } from './schema';
import { MAX_EVENTS_PER_BATCH, eventSchemas, eventsAcceptedSchema, knownEventPropertiesSchema } from '../events/schema';

type JsonObject = Record<string, unknown>;

/**
 * JSON Schemas of the named models (MetricPoint, IngestRequest, ...) for
 * components.schemas. z.toJSONSchema emits draft 2020-12, which is OpenAPI 3.1's own
 * dialect; refs are rewritten from "#/$defs/X" to "#/components/schemas/X".
 */
function componentSchemas(): Record<string, JsonObject> {
  const { point, request } = ingestSchemas();
  const events = eventSchemas();
  const registry = z.registry<{ id: string }>();
  const models = {
    MetricPoint: point,
    IngestRequest: request,
    IngestAccepted: ingestAcceptedSchema,
    ProductEvent: events.event,
    EventBatch: events.request,
    EventsAccepted: eventsAcceptedSchema,
    KnownEventProperties: knownEventPropertiesSchema,
    ValidationIssue: validationIssueSchema,
    ApiError: apiErrorSchema,
  };
  for (const [id, schema] of Object.entries(models)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  const out: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
    out[id] = rest;
  }
  return out;
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('ApiError') } } });

/** The OpenAPI 3.1 document served at GET /api/v1/openapi.json. */
export function buildOpenApiDocument(serverUrl?: string): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Super Mega Mind console API',
      version: '1.0.0',
      description:
        'Machine clients report to the production console. Authenticate with an API key created under Settings > API keys: `Authorization: Bearer smm_<prefix>_<secret>`.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ apiKey: [] }],
    paths: {
      '/api/v1/metrics': {
        post: {
          operationId: 'ingestMetrics',
          summary: `Report a batch of 1 to ${MAX_POINTS_PER_BATCH} metric points`,
          description: `Needs an API key with the scope metrics:write. The body must be application/json, at most ${MAX_BODY_BYTES} bytes. A batch is stored whole or not at all: one bad point refuses the batch, and the 422 answer lists every bad field with its index.`,
          security: [{ apiKey: ['metrics:write'] }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('IngestRequest') } } },
          responses: {
            '202': { description: 'Every point was stored.', content: { 'application/json': { schema: ref('IngestAccepted') } } },
            '400': errorResponse('The body is not JSON (invalid_json), not application/json (unsupported_content_type) or too large (body_too_large).'),
            '401': errorResponse('No API key (missing_api_key) or not a valid one (invalid_api_key).'),
            '403': errorResponse('The key is revoked (api_key_revoked), expired (api_key_expired) or lacks metrics:write (insufficient_scope).'),
            '422': errorResponse('Validation failed (validation_failed): `issues` names every bad field, e.g. points[3].value.'),
            '429': errorResponse('Over the rate limit (rate_limited), blocked by an administrator (blocked), or the batch would exceed the monthly quota, which counts points (quota_exceeded; `quota` gives limit, used, remaining, requested and resetsAt; nothing is stored). Retry-After says when to try again.'),
            '500': errorResponse('An unexpected error (internal_error); quote requestId.'),
            '503': errorResponse('The instance is at capacity (overloaded): nothing was done; retry after the seconds in Retry-After.'),
          },
        },
      },
      '/api/v1/events': {
        post: {
          operationId: 'ingestEvents',
          summary: `Report a batch of 1 to ${MAX_EVENTS_PER_BATCH} product events`,
          description: `Needs an API key with the scope events:write. The body must be application/json, at most ${MAX_BODY_BYTES} bytes. Known events have their properties checked (see KnownEventProperties); other names are stored as custom events. A batch is stored whole or not at all, and the 422 answer lists every bad field with its index. Event ids make retries safe: an id already stored is skipped.`,
          security: [{ apiKey: ['events:write'] }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('EventBatch') } } },
          responses: {
            '202': { description: 'The batch was accepted; `stored` counts the ids not seen before.', content: { 'application/json': { schema: ref('EventsAccepted') } } },
            '400': errorResponse('The body is not JSON (invalid_json), not application/json (unsupported_content_type) or too large (body_too_large).'),
            '401': errorResponse('No API key (missing_api_key) or not a valid one (invalid_api_key).'),
            '403': errorResponse('The key is revoked (api_key_revoked), expired (api_key_expired) or lacks events:write (insufficient_scope).'),
            '422': errorResponse('Validation failed (validation_failed): `issues` names every bad field, e.g. events[3].properties.currency.'),
            '429': errorResponse('Over the rate limit (rate_limited), blocked by an administrator (blocked), or the batch would exceed the monthly quota, which counts events (quota_exceeded; `quota` gives limit, used, remaining, requested and resetsAt; nothing is stored). Retry-After says when to try again.'),
            '500': errorResponse('An unexpected error (internal_error); quote requestId.'),
            '503': errorResponse('The instance is at capacity (overloaded): nothing was done; retry after the seconds in Retry-After.'),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'smm_<prefix>_<secret>', description: 'An API key from Settings > API keys.' },
      },
      schemas: componentSchemas(),
    },
  };
}
