import { z } from 'zod';
import { boundedParser } from '../ingest/bounded-parse';

/**
 * The contract of POST /api/v1/events. Known event names have strictly checked properties
 * (KNOWN_EVENT_PROPERTIES); any other name is a custom event whose properties are free-form.
 * The OpenAPI document is generated from these schemas (lib/ingest/openapi.ts).
 */
export const EVENT_NAME_PATTERN = /^[a-z][a-z0-9_.:-]{0,63}$/;
export const EVENT_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
export const MAX_EVENTS_PER_BATCH = 1000;
export const MAX_PROPERTIES_BYTES = 4096;
export const MAX_USER_ID_LENGTH = 128;
export const MAX_EVENT_FUTURE_SKEW_MS = 5 * 60 * 1000;
/** Backfills are welcome, up to this far back. */
export const MAX_EVENT_AGE_DAYS = 400;

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
export const isIsoCurrency = (code: string) => CURRENCIES.has(code);

const currency = z
  .string({ error: 'is required and must be an ISO 4217 currency code' })
  .refine(isIsoCurrency, { error: 'must be an ISO 4217 currency code such as EUR, USD or JPY' });
const minorUnits = (what: string) =>
  z.number({ error: `is required and must be an integer number of minor units (${what})` }).int({ error: 'must be an integer (minor units, e.g. cents)' });
const text = (max: number) => z.string({ error: 'is required and must be a string' }).min(1, { error: 'must not be empty' }).max(max, { error: `must have at most ${max} characters` });
const count = (what: string) => z.number({ error: `is required and must be a number (${what})` }).int({ error: 'must be an integer' }).min(0, { error: 'must not be negative' });

const pluginProperties = z.looseObject({ plugin_id: text(100) });
const subscriptionProperties = z.looseObject({
  plan: text(64),
  mrr_minor: minorUnits('monthly recurring revenue').min(0, { error: 'must not be negative' }),
  currency,
});
const paymentProperties = z.looseObject({
  amount_minor: minorUnits('amount').min(1, { error: 'must be at least 1' }),
  currency,
});

export const AI_OUTCOMES = ['success', 'error', 'timeout', 'refused'] as const;

/** Properties of each known event; extra properties are kept as sent. */
export const KNOWN_EVENT_PROPERTIES = {
  signup: z.looseObject({}),
  session_start: z.looseObject({}),
  page_view: z.looseObject({ path: text(500) }),
  plugin_installed: pluginProperties,
  plugin_uninstalled: pluginProperties,
  plugin_used: pluginProperties,
  subscription_started: subscriptionProperties,
  subscription_changed: subscriptionProperties,
  subscription_cancelled: z.looseObject({ plan: text(64), currency }),
  payment_succeeded: paymentProperties,
  payment_failed: paymentProperties,
  ai_request: z.looseObject({
    model: text(100),
    prompt_tokens: count('prompt tokens'),
    completion_tokens: count('completion tokens'),
    latency_ms: z.number({ error: 'is required and must be a number of milliseconds' }).min(0, { error: 'must not be negative' }),
    cache_hit: z.boolean({ error: 'is required and must be true or false' }),
    outcome: z.enum(AI_OUTCOMES, { error: `must be one of ${AI_OUTCOMES.join(', ')}` }),
  }),
  ai_feedback: z.looseObject({
    request_id: z.string({ error: 'is required and must be the id of an ai_request event' }).regex(EVENT_ID_PATTERN, { error: 'must be an event id' }),
    rating: z.number({ error: 'is required and must be an integer from 1 to 5' }).int({ error: 'must be an integer from 1 to 5' }).min(1, { error: 'must be at least 1' }).max(5, { error: 'must be at most 5' }),
    correct: z.boolean({ error: 'is required and must be true or false' }),
  }),
} as const;

export type KnownEventName = keyof typeof KNOWN_EVENT_PROPERTIES;
export const KNOWN_EVENT_NAMES = Object.keys(KNOWN_EVENT_PROPERTIES) as KnownEventName[];
export const isKnownEventName = (name: string): name is KnownEventName => Object.hasOwn(KNOWN_EVENT_PROPERTIES, name);

export interface OccurredAtBounds {
  now: Date;
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

function eventSchema(boundsOf?: () => OccurredAtBounds | undefined) {
  let occurredAt = z.iso.datetime({ offset: true, error: 'is required and must be an ISO 8601 date-time with a time zone offset, e.g. 2026-05-01T10:00:00Z' });
  if (boundsOf) {
    occurredAt = occurredAt.check((ctx) => {
      const bounds = boundsOf();
      if (!bounds) return;
      const time = Date.parse(ctx.value);
      if (Number.isNaN(time)) return;
      if (time > bounds.now.getTime() + MAX_EVENT_FUTURE_SKEW_MS) ctx.issues.push({ code: 'custom', input: ctx.value, message: 'is more than 5 minutes in the future' });
      else if (time < bounds.now.getTime() - MAX_EVENT_AGE_DAYS * 86_400_000) ctx.issues.push({ code: 'custom', input: ctx.value, message: `is more than ${MAX_EVENT_AGE_DAYS} days old` });
    });
  }
  return z
    .strictObject({
      id: z
        .string({ error: 'is required and must be a string' })
        .regex(EVENT_ID_PATTERN, { error: 'must be 1 to 64 characters of A-Z, a-z, 0-9, _ . : -' })
        .meta({ description: 'Unique id chosen by the sender; a repeated id is stored once (safe retries).', example: '01J9Z3Q4V6X8' }),
      name: z
        .string({ error: 'is required and must be a string' })
        .regex(EVENT_NAME_PATTERN, { error: 'must match ^[a-z][a-z0-9_.:-]{0,63}$' })
        .meta({ description: `A known event (${KNOWN_EVENT_NAMES.join(', ')}) whose properties are checked, or any other name for a custom event.`, example: 'payment_succeeded' }),
      user_id: z
        .string({ error: 'is required and must be a string' })
        .min(1, { error: 'must not be empty' })
        .max(MAX_USER_ID_LENGTH, { error: `must have at most ${MAX_USER_ID_LENGTH} characters` })
        .meta({ description: 'Pseudonymous user id (never an e-mail address).', example: 'u_7f3a9c' }),
      occurred_at: occurredAt.meta({ description: `When it happened, ISO 8601 with an offset; at most 5 minutes ahead, at most ${MAX_EVENT_AGE_DAYS} days back.`, example: '2026-05-01T10:00:00Z' }),
      properties: z
        .record(z.string(), z.unknown(), { error: 'must be a JSON object' })
        .refine((value) => jsonBytes(value) <= MAX_PROPERTIES_BYTES, { error: `must be at most ${MAX_PROPERTIES_BYTES} bytes as JSON` })
        .optional()
        .meta({ description: 'Event properties. Known events require theirs, see KnownEventProperties.', example: { amount_minor: 1999, currency: 'EUR' } }),
    })
    .meta({ id: 'ProductEvent', description: 'One product event.' });
}

/** Parses a batch against the request's time bounds (one schema per process). */
export const parseEventBatch = boundedParser((boundsOf: () => OccurredAtBounds | undefined) => eventSchemas(boundsOf).request);

export function eventSchemas(boundsOf?: () => OccurredAtBounds | undefined) {
  const event = eventSchema(boundsOf);
  const request = z
    .strictObject(
      {
        events: z
          .array(event, { error: 'is required and must be an array of events' })
          .min(1, { error: 'must hold at least one event' })
          .max(MAX_EVENTS_PER_BATCH, { error: `must hold at most ${MAX_EVENTS_PER_BATCH} events` }),
      },
      { error: 'the body must be a JSON object like {"events": [...]}' },
    )
    .meta({ id: 'EventBatch', description: `A batch of 1 to ${MAX_EVENTS_PER_BATCH} events; stored all together or not at all.` });
  return { event, request };
}

export type ProductEventInput = z.infer<ReturnType<typeof eventSchema>>;
export type EventBatch = z.infer<ReturnType<typeof eventSchemas>['request']>;

export const eventsAcceptedSchema = z
  .object({
    accepted: z.number().int().meta({ description: 'Events in the batch.' }),
    stored: z.number().int().meta({ description: 'Events stored now; the rest had ids already stored (retries).' }),
  })
  .meta({ id: 'EventsAccepted' });

/** Known properties as one object schema per event name, for the OpenAPI document. */
export const knownEventPropertiesSchema = z
  .object(Object.fromEntries(KNOWN_EVENT_NAMES.map((name) => [name, KNOWN_EVENT_PROPERTIES[name]])) as { [K in KnownEventName]: (typeof KNOWN_EVENT_PROPERTIES)[K] })
  .partial()
  .meta({ id: 'KnownEventProperties', description: 'The properties each known event requires, by event name (amounts in minor units, currencies ISO 4217).' });
