import 'server-only';
import { apiErrorResponse, apiHandler, apiJsonResponse, type ApiDeps } from '@/app/_server/api-handler';
import { MAX_BODY_BYTES } from '@/lib/ingest/schema';
import { readJsonBody, type BodyProblem } from '@/lib/ingest/read-body';
import { storeEvents } from '@/lib/events/store';
import { validateEventBatch } from '@/lib/events/validate';

const BODY_PROBLEMS: Record<BodyProblem, string> = {
  unsupported_content_type: 'Send the body as JSON with "Content-Type: application/json".',
  body_too_large: `The body must be at most ${MAX_BODY_BYTES} bytes.`,
  invalid_json: 'The body is not valid JSON.',
};

/** POST /api/v1/events: a batch of product events (separate from route.ts so tests pass their own database). */
export function createEventsHandler(deps: ApiDeps = {}) {
  return apiHandler({ name: 'POST /api/v1/events', scope: 'events:write', quotaUnit: 'events', ...deps }, async (request, { db, now, requestId, chargeQuota }) => {
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    if (!body.ok) return apiErrorResponse(400, body.problem, BODY_PROBLEMS[body.problem], requestId);
    const validation = validateEventBatch(body.value, { now });
    if (!validation.ok) {
      const count = validation.issues.length;
      return apiErrorResponse(422, 'validation_failed', `${count} field${count === 1 ? '' : 's'} failed validation; nothing was stored.`, requestId, {
        issues: validation.issues,
      });
    }
    // The monthly quota counts events: a batch that would exceed it is refused whole.
    const refused = await chargeQuota(validation.batch.events.length);
    if (refused) return refused;
    const stored = await storeEvents(db, validation.batch, now);
    return apiJsonResponse(202, { accepted: validation.batch.events.length, stored }, requestId);
  });
}
