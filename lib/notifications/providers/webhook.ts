import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { NotificationPayload } from '../payload';
import { postJson } from '../http-post';
import { tail, type Provider } from './types';

export interface WebhookWire {
  type: string;
  timestamp: string;
  data: NotificationPayload & { title: string; summary: string; link: string | null };
}

const secretSchema = z.object({
  url: z.url().max(2000),
  /** Standard Webhooks secret: "whsec_" and base64 of 24-64 random bytes. */
  signingSecret: z.string().regex(/^whsec_[A-Za-z0-9+/=]{32,}$/),
});
const publicSchema = z.object({});

/**
 * The Standard Webhooks signature (standardwebhooks.com): HMAC-SHA256 keyed with the
 * base64-decoded part of the secret after "whsec_", over `${id}.${timestamp}.${body}`,
 * sent as "v1,<base64>".
 */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

/** Generic webhook, signed per Standard Webhooks; webhook-id is the idempotency key. */
export const webhook: Provider<z.infer<typeof secretSchema>, z.infer<typeof publicSchema>, WebhookWire> = {
  type: 'webhook',
  secretSchema,
  publicSchema,
  hint: (secret) => `${new URL(secret.url).host} ${tail(secret.signingSecret)}`,
  format: (message, payload) => ({
    type: `alert.${payload.kind}`,
    timestamp: payload.at,
    data: { ...payload, title: message.title, summary: message.summary, link: message.link?.url ?? null },
  }),
  send: (wire, { secret }, message, context) => {
    const body = JSON.stringify(wire);
    const timestamp = Math.floor(context.now() / 1000);
    return postJson(
      secret.url,
      body,
      {
        'webhook-id': message.idempotencyKey,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret.signingSecret, message.idempotencyKey, timestamp, body),
      },
      context,
    );
  },
};
