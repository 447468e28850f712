import { functions } from '@/inngest/functions';
import { createInngestHandlers } from '@/inngest/serve';

// Per-request env and signature checks; never prerendered.
export const dynamic = 'force-dynamic';

export const { GET, POST, PUT } = createInngestHandlers(functions);
