import { createIngestHandler } from './handler';

export const dynamic = 'force-dynamic';

export const POST = createIngestHandler();
