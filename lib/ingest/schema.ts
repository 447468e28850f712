import { z } from 'zod';
import { boundedParser } from './bounded-parse';

/**
 * The ingest contract of POST /api/v1/metrics, shared with alerting and analytics: what an
 * outside service may send, and the limits. The OpenAPI document is generated from these
 * schemas (lib/ingest/openapi.ts), so the published contract cannot drift from the checks.
 */
export const METRIC_TYPE_PATTERN = /^[a-z][a-z0-9_.:-]{0,63}$/;
export const MAX_POINTS_PER_BATCH = 1000;
export const MAX_ENDPOINT_LENGTH = 200;
export const MAX_METADATA_BYTES = 4096;
export const MAX_BODY_BYTES = 1024 * 1024;
/** Clocks drift; a point may be stamped up to this far ahead of the server's clock. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/** Bounds for recorded_at, from the server clock and the raw-retention setting. */
export interface RecordedAtBounds {
  now: Date;
  /** Points older than this would be deleted by retention at once: refused. */
  oldest: Date;
  retentionDays: number;
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

function metricPointSchema(boundsOf?: () => RecordedAtBounds | undefined) {
  let recordedAt = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone offset, e.g. 2026-05-01T10:00:00Z or 2026-05-01T12:00:00+02:00' });
  if (boundsOf) {
    recordedAt = recordedAt.check((ctx) => {
      const bounds = boundsOf();
      if (!bounds) return;
      const time = Date.parse(ctx.value);
      if (Number.isNaN(time)) return;
      if (time > bounds.now.getTime() + MAX_FUTURE_SKEW_MS) {
        ctx.issues.push({ code: 'custom', input: ctx.value, message: 'is more than 5 minutes in the future' });
      } else if (time < bounds.oldest.getTime()) {
        ctx.issues.push({ code: 'custom', input: ctx.value, message: `is older than the raw retention window (${bounds.retentionDays} days)` });
      }
    });
  }
  return z
    .strictObject({
      metric_type: z
        .string({ error: 'is required and must be a string' })
        .regex(METRIC_TYPE_PATTERN, { error: 'must match ^[a-z][a-z0-9_.:-]{0,63}$ (a lower-case letter first, at most 64 characters)' })
        .meta({ description: 'What is measured, e.g. api_response_time, queue_depth, checkout.errors.', example: 'api_response_time' }),
      value: z
        .number({ error: 'is required and must be a finite JSON number' })
        .meta({ description: 'The measured value (finite).', example: 182.5 }),
      endpoint: z
        .string({ error: 'must be a string' })
        .max(MAX_ENDPOINT_LENGTH, { error: `must have at most ${MAX_ENDPOINT_LENGTH} characters` })
        .optional()
        .meta({ description: 'What the value is about: a route, host, job or queue.', example: 'GET /checkout' }),
      recorded_at: recordedAt
        .optional()
        .meta({
          description:
            'When the value was measured, ISO 8601 with an offset. Defaults to the time of the request. At most 5 minutes in the future and not older than the raw retention window (7 days by default).',
          example: '2026-05-01T10:00:00Z',
        }),
      // A loose empty object rather than z.record: same contract (any JSON object), but it
      // does not re-parse every value, which made metadata the costliest field to validate.
      metadata: z
        .looseObject({}, { error: 'must be a JSON object' })
        .refine((value) => jsonBytes(value) <= MAX_METADATA_BYTES, { error: `must be at most ${MAX_METADATA_BYTES} bytes as JSON` })
        // "agg" marks the console's own pre-aggregated rows (counts and sketches that rollups
        // merge); accepting it from outside would let a key holder inject request counts.
        .refine((value) => !Object.hasOwn(value, 'agg'), { error: 'must not use the reserved key "agg"' })
        .optional()
        .meta({ description: `Free-form JSON object, at most ${MAX_METADATA_BYTES} bytes.`, example: { region: 'eu-west-1', p95: 240 } }),
    })
    .meta({ id: 'MetricPoint', description: 'One measurement.' });
}

/** The request body; with bounds, recorded_at is also checked against the clock and retention. */
export function createIngestRequestSchema(bounds?: RecordedAtBounds) {
  return ingestSchemas(bounds ? () => bounds : undefined).request;
}

/** Parses an ingest body against the request's time bounds (one schema per process). */
export const parseIngestRequest = boundedParser((boundsOf: () => RecordedAtBounds | undefined) => ingestSchemas(boundsOf).request);

/** The request schema and its point schema (the same instance, for the OpenAPI components). */
export function ingestSchemas(boundsOf?: () => RecordedAtBounds | undefined) {
  const point = metricPointSchema(boundsOf);
  const request = z
    .strictObject(
      {
        points: z
          .array(point, { error: 'is required and must be an array of points' })
          .min(1, { error: 'must hold at least one point' })
          .max(MAX_POINTS_PER_BATCH, { error: `must hold at most ${MAX_POINTS_PER_BATCH} points` }),
      },
      { error: 'the body must be a JSON object like {"points": [...]}' },
    )
    .meta({ id: 'IngestRequest', description: `A batch of 1 to ${MAX_POINTS_PER_BATCH} points; stored all together or not at all.` });
  return { point, request };
}

export type MetricPointInput = z.infer<ReturnType<typeof metricPointSchema>>;
export type IngestRequest = z.infer<ReturnType<typeof createIngestRequestSchema>>;

export const ingestAcceptedSchema = z
  .object({ accepted: z.number().int().min(1).max(MAX_POINTS_PER_BATCH).meta({ description: 'How many points were stored.' }) })
  .meta({ id: 'IngestAccepted' });

export const validationIssueSchema = z
  .object({
    path: z.string().meta({ description: 'The bad field, e.g. points[3].value ("body" for the body as a whole).', example: 'points[3].value' }),
    message: z.string().meta({ example: 'is required and must be a finite JSON number' }),
  })
  .meta({ id: 'ValidationIssue' });

/** Every error answer of the API has this shape; `issues` lists each bad field of a 422. */
export const apiErrorSchema = z
  .object({
    error: z
      .string()
      .meta({
        description:
          'Machine-readable code: validation_failed, invalid_json, unsupported_content_type, body_too_large, missing_api_key, invalid_api_key, api_key_revoked, api_key_expired, insufficient_scope, internal_error, ...',
        example: 'validation_failed',
      }),
    message: z.string().meta({ description: 'What went wrong, for a human reader.' }),
    requestId: z.string().meta({ description: 'Quote it when asking for help; the server logs carry it.' }),
    issues: z.array(validationIssueSchema).optional(),
    quota: z
      .object({
        policy: z.literal('quota').meta({ description: 'The policy name, as in the RateLimit-Policy header.' }),
        unit: z.enum(['points', 'events']),
        limit: z.number().int().meta({ description: 'The key\'s monthly quota.' }),
        used: z.number().int().meta({ description: 'Used so far this month (UTC).' }),
        remaining: z.number().int(),
        requested: z.number().int().meta({ description: 'Items in the refused batch.' }),
        resetsAt: z.string().meta({ description: 'Start of the next month (UTC), ISO 8601.' }),
      })
      .optional()
      .meta({ description: 'With quota_exceeded on the ingest routes: the quota the batch would exceed. Nothing of the batch was stored.' }),
  })
  .meta({ id: 'ApiError' });

export type ValidationIssue = z.infer<typeof validationIssueSchema>;
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
