import { z } from 'zod';
import { postJson } from '../http-post';
import { tail, type Provider } from './types';

type Text = { type: 'plain_text' | 'mrkdwn'; text: string; emoji?: boolean };
export type SlackBlock =
  | { type: 'header'; text: Text }
  | { type: 'section'; text?: Text; fields?: Text[] }
  | { type: 'context'; elements: Text[] }
  | { type: 'actions'; elements: { type: 'button'; text: Text; url: string }[] };

export interface SlackWire {
  text: string;
  blocks: SlackBlock[];
}

const secretSchema = z.object({ webhookUrl: z.url().max(2000) });
const publicSchema = z.object({});

// Slack mrkdwn treats these three as markup; rule names are user text.
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slack incoming webhook with Block Kit: header, summary, fields, a button to the alert. */
export const slack: Provider<z.infer<typeof secretSchema>, z.infer<typeof publicSchema>, SlackWire> = {
  type: 'slack',
  secretSchema,
  publicSchema,
  hint: (secret) => tail(secret.webhookUrl),
  format: (message) => {
    const blocks: SlackBlock[] = [
      { type: 'header', text: { type: 'plain_text', text: message.title.slice(0, 150), emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: escape(message.summary).slice(0, 3000) } },
    ];
    if (message.fields.length) {
      blocks.push({ type: 'section', fields: message.fields.slice(0, 10).map((f) => ({ type: 'mrkdwn', text: `*${escape(f.label)}*\n${escape(f.value)}`.slice(0, 2000) })) });
    }
    if (message.link) blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: message.link.label }, url: message.link.url }] });
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${escape(message.footerLabel)}: ${escape(message.idempotencyKey)}` }] });
    return { text: message.title, blocks };
  },
  send: (wire, { secret }, message, context) => postJson(secret.webhookUrl, JSON.stringify(wire), { 'x-idempotency-key': message.idempotencyKey }, context),
};
