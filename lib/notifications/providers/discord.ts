import { z } from 'zod';
import { postJson } from '../http-post';
import { SEVERITY_COLOURS } from '../render';
import { tail, type Provider } from './types';

export interface DiscordWire {
  username: string;
  embeds: {
    title: string;
    description: string;
    color: number;
    fields: { name: string; value: string; inline: boolean }[];
    timestamp: string;
    url?: string;
    footer: { text: string };
  }[];
  allowed_mentions: { parse: never[] };
}

const secretSchema = z.object({ webhookUrl: z.url().max(2000) });
const publicSchema = z.object({});

/** Discord webhook: one embed, coloured by severity (green when resolved). */
export const discord: Provider<z.infer<typeof secretSchema>, z.infer<typeof publicSchema>, DiscordWire> = {
  type: 'discord',
  secretSchema,
  publicSchema,
  hint: (secret) => tail(secret.webhookUrl),
  format: (message) => ({
    username: 'Super Mega Mind',
    embeds: [
      {
        title: message.title.slice(0, 256),
        description: message.summary.slice(0, 4096),
        color: message.kind === 'resolved' ? SEVERITY_COLOURS.resolved : SEVERITY_COLOURS[message.severity],
        fields: message.fields.slice(0, 25).map((f) => ({ name: f.label.slice(0, 256), value: f.value.slice(0, 1024) || '—', inline: true })),
        timestamp: message.at,
        ...(message.link ? { url: message.link.url } : {}),
        footer: { text: `${message.footerLabel}: ${message.idempotencyKey}`.slice(0, 2048) },
      },
    ],
    // Alert text comes from rule names: never let it ping @everyone.
    allowed_mentions: { parse: [] },
  }),
  send: (wire, { secret }, message, context) =>
    postJson(secret.webhookUrl, JSON.stringify(wire), { 'x-idempotency-key': message.idempotencyKey }, { ...context, now: context.now }),
};
