import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { checkAddresses, systemResolver } from '../../net/ssrf';
import type { SendOutcome } from '../outcome';
import type { Provider } from './types';

export interface EmailWire {
  subject: string;
  text: string;
  html: string;
}

const secretSchema = z.object({ password: z.string().max(500) });
const publicSchema = z.object({
  host: z.string().min(1).max(255),
  port: z.coerce.number().int().min(1).max(65535),
  secure: z.boolean(),
  username: z.string().max(255),
  from: z.email(),
  to: z.array(z.email()).min(1).max(20),
});

const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * SMTP failures: 4xx replies and connection problems are transient (retry), 5xx replies
 * (mailbox unknown, relay refused, auth failed) are not.
 */
function outcomeOfError(error: unknown): SendOutcome {
  const code = (error as { responseCode?: number }).responseCode;
  const name = (error as { code?: string }).code ?? (error instanceof Error ? error.name : 'error');
  if (typeof code === 'number') return { ok: false, statusCode: code, error: `SMTP ${code}`, permanent: code >= 500, retryAfterMs: null };
  return { ok: false, statusCode: null, error: `smtp: ${name}`, permanent: name === 'EAUTH', retryAfterMs: null };
}

/** Email over SMTP (nodemailer): plain text and HTML alternatives. */
export const email: Provider<z.infer<typeof secretSchema>, z.infer<typeof publicSchema>, EmailWire> = {
  type: 'email',
  secretSchema,
  publicSchema,
  hint: (secret) => (secret.password ? '••••••' : ''),
  format: (message) => {
    const lines = message.fields.map((f) => `${f.label}: ${f.value}`);
    const text = [message.summary, '', ...lines, '', ...(message.link ? [`${message.link.label}: ${message.link.url}`] : []), `${message.footerLabel}: ${message.idempotencyKey}`].join('\n');
    const rows = message.fields.map((f) => `<tr><th scope="row" style="text-align:start;padding:2px 12px 2px 0">${html(f.label)}</th><td>${html(f.value)}</td></tr>`).join('');
    const body = `<!doctype html><html><body><h1 style="font-size:18px">${html(message.title)}</h1><p>${html(message.summary)}</p><table>${rows}</table>${
      message.link ? `<p><a href="${html(message.link.url)}">${html(message.link.label)}</a></p>` : ''
    }<p style="color:#555;font-size:12px">${html(message.footerLabel)}: ${html(message.idempotencyKey)}</p></body></html>`;
    return { subject: message.title, text, html: body };
  },
  send: async (wire, config, message, context) => {
    const host = config.public.host;
    if (!context.allowPrivate) {
      try {
        const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await (context.resolve ?? systemResolver)(host);
        const refusal = checkAddresses(addresses, false);
        if (refusal && !refusal.ok) return { ok: false, statusCode: null, error: `blocked: ${refusal.problem}`, permanent: true, retryAfterMs: null };
      } catch {
        return { ok: false, statusCode: null, error: 'smtp: unresolvable', permanent: false, retryAfterMs: null };
      }
    }
    const transport = nodemailer.createTransport({
      host,
      port: config.public.port,
      secure: config.public.secure,
      auth: config.public.username ? { user: config.public.username, pass: config.secret.password } : undefined,
      connectionTimeout: context.timeoutMs ?? 10_000,
      greetingTimeout: context.timeoutMs ?? 10_000,
      socketTimeout: context.timeoutMs ?? 10_000,
      // Loopback test servers have no certificate; real servers are verified (default).
      tls: { rejectUnauthorized: !(context.allowPrivate && (host === '127.0.0.1' || host === 'localhost')) },
    });
    try {
      await transport.sendMail({
        from: config.public.from,
        to: config.public.to,
        subject: wire.subject,
        text: wire.text,
        html: wire.html,
        headers: { 'X-Idempotency-Key': message.idempotencyKey },
      });
      return { ok: true, statusCode: 250 };
    } catch (error) {
      return outcomeOfError(error);
    } finally {
      transport.close();
    }
  },
};
