import { Inngest } from 'inngest';

/**
 * The SDK reads INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY, INNGEST_DEV and INNGEST_BASE_URL
 * itself; lib/config/env.ts validates the same variables at start-up. Building the client
 * reads nothing else and opens no connection, so `next build` can import it.
 */
export const inngest = new Inngest({ id: 'super-mega-mind-console' });
