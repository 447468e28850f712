import 'server-only';
import { apiErrorResponse, apiHandler, apiJsonResponse, type ApiDeps } from '@/app/_server/api-handler';
import { storeMetricPoints } from '@/lib/ingest/ingest';
import { readJsonBody, type BodyProblem } from '@/lib/ingest/read-body';
import { MAX_BODY_BYTES } from '@/lib/ingest/schema';
import { recordedAtBounds, validateIngestBody } from '@/lib/ingest/validate';

const BODY_PROBLEMS: Record<BodyProblem, string> = {
  unsupported_content_type: 'Send the body as JSON with "Content-Type: application/json".',
  body_too_large: `The body must be at most ${MAX_BODY_BYTES} bytes.`,
  invalid_json: 'The body is not valid JSON.',
};

/**
 * POST /api/v1/metrics: a batch of points from an outside service. A separate module from
 * route.ts (which may export only route fields) so tests can pass their own database.
 */
export function createIngestHandler(deps: ApiDeps = {}) {
  return apiHandler({ name: 'POST /api/v1/metrics', scope: 'metrics:write', quotaUnit: 'points', ...deps }, async (request, { db, now, requestId, chargeQuota }) => {
    // The retention setting is read while the body streams in: one round trip less per batch.
    const [body, bounds] = await Promise.all([readJsonBody(request, MAX_BODY_BYTES), recordedAtBounds(db, now)]);
    if (!body.ok) return apiErrorResponse(400, body.problem, BODY_PROBLEMS[body.problem], requestId);
    const validation = validateIngestBody(body.value, bounds);
    if (!validation.ok) {
      const count = validation.issues.length;
      return apiErrorResponse(422, 'validation_failed', `${count} field${count === 1 ? '' : 's'} failed validation; nothing was stored.`, requestId, {
        issues: validation.issues,
      });
    }
    // The monthly quota counts points: a batch that would exceed it is refused whole.
    const refused = await chargeQuota(validation.request.points.length);
    if (refused) return refused;
    const accepted = await storeMetricPoints(db, validation.request, now);
    return apiJsonResponse(202, { accepted }, requestId);
  });
}
