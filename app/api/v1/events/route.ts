import { createEventsHandler } from './handler';

export const dynamic = 'force-dynamic';

export const POST = createEventsHandler();
