import { buildOpenApiDocument } from '@/lib/ingest/openapi';
import { instrumentRoute } from '@/lib/metrics/route';

// Built from the zod schemas at start-up: the document is the contract the handler enforces.
const document = buildOpenApiDocument();

export const GET = instrumentRoute('GET /api/v1/openapi.json', async () =>
  Response.json(document, { headers: { 'cache-control': 'public, max-age=300' } }),
);
