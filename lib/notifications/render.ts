import { createTranslator } from 'next-intl';
import { isLocale, type Locale } from '../i18n/config';
import { MESSAGES } from '../i18n/messages';
import type { NotificationPayload } from './payload';

/** A notification written out for people, in the channel's locale and time zone. */
export interface RenderedMessage {
  kind: NotificationPayload['kind'];
  severity: NotificationPayload['severity'];
  title: string;
  /** Label/value pairs (Discord embed fields, Slack section fields, email table rows). */
  fields: { label: string; value: string }[];
  /** A one-line summary for plain text. */
  summary: string;
  link: { label: string; url: string } | null;
  idempotencyKey: string;
  footerLabel: string;
  at: string;
}

export interface RenderContext {
  locale: string;
  timeZone: string;
  appUrl: string | null;
  idempotencyKey: string;
}

/** Discord embed colours by severity (and green for resolved). */
export const SEVERITY_COLOURS = { info: 0x3b82f6, warning: 0xf59e0b, critical: 0xdc2626, resolved: 0x16a34a } as const;

/** Pure: the same payload and context always give the same message. */
export function renderNotification(payload: NotificationPayload, context: RenderContext): RenderedMessage {
  const locale: Locale = isLocale(context.locale) ? context.locale : 'en';
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'notifications' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  let timeZone = context.timeZone;
  try {
    new Intl.DateTimeFormat(locale, { timeZone });
  } catch {
    timeZone = 'UTC';
  }
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long', timeZone }).format(new Date(iso));
  const severity = t(`severity.${payload.severity}`);
  const title =
    payload.kind === 'test'
      ? t('test')
      : payload.kind === 'resolved'
        ? t('resolved', { rule: payload.ruleName })
        : payload.kind === 'reminder'
          ? t('reminder', { rule: payload.ruleName })
          : t('firing', { severity, rule: payload.ruleName });
  const fields: RenderedMessage['fields'] = [];
  let summary: string;
  if (payload.kind === 'test') {
    summary = t('testBody');
  } else if (payload.monitor) {
    summary = t('monitorLine', { condition: t(payload.monitor.condition), checks: payload.monitor.checks });
  } else {
    const comparison = t(payload.condition === 'greater_than' ? 'above' : 'below', { threshold: number.format(payload.threshold) });
    summary = t('valueLine', { aggregation: payload.aggregation, metric: payload.metricType, value: payload.value === null ? t('noData') : number.format(payload.value), comparison });
  }
  if (payload.kind !== 'test') {
    fields.push({ label: t('rule'), value: payload.ruleName });
    if (!payload.monitor) {
      fields.push({ label: t('value'), value: payload.value === null ? t('noData') : number.format(payload.value) });
      fields.push({ label: t('threshold'), value: t(payload.condition === 'greater_than' ? 'above' : 'below', { threshold: number.format(payload.threshold) }) });
      fields.push({ label: t('endpoint'), value: payload.endpoint ?? t('allEndpoints') });
    }
    if (payload.firedAt && payload.kind !== 'firing') fields.push({ label: t('firedAt'), value: time(payload.firedAt) });
  }
  fields.push({ label: t('time'), value: time(payload.at) });
  const base = context.appUrl?.replace(/\/+$/, '');
  const link = base && payload.alertId ? { label: t('openAlert'), url: `${base}/${locale}/alerts/${payload.alertId}` } : null;
  return { kind: payload.kind, severity: payload.severity, title, fields, summary, link, idempotencyKey: context.idempotencyKey, footerLabel: t('notificationId'), at: payload.at };
}
