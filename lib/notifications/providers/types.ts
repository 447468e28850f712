import type { z } from 'zod';
import type { Resolver } from '../../net/ssrf';
import type { SendOutcome } from '../outcome';
import type { NotificationPayload } from '../payload';
import type { RenderedMessage } from '../render';

export interface SendContext {
  allowPrivate: boolean;
  resolve?: Resolver;
  now: () => number;
  timeoutMs?: number;
}

/**
 * A notification provider: zod schemas for its secret and public configuration, a pure
 * format() (what goes on the wire) and send(). The secret part is stored encrypted.
 */
export interface Provider<Secret, Public, Wire> {
  type: 'discord' | 'slack' | 'email' | 'webhook';
  secretSchema: z.ZodType<Secret>;
  publicSchema: z.ZodType<Public>;
  /** What an admin may see of the secret: enough to tell channels apart, never enough to use it. */
  hint(secret: Secret): string;
  format(message: RenderedMessage, payload: NotificationPayload, config: { public: Public }): Wire;
  send(wire: Wire, config: { secret: Secret; public: Public }, message: RenderedMessage, context: SendContext): Promise<SendOutcome>;
}

export const tail = (text: string, n = 4) => `…${text.slice(-n)}`;
