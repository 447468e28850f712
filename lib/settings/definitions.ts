import { z } from 'zod';

/**
 * Every admin-editable setting, its value schema and default, in one place. Values live in
 * app_settings (shared by all instances); an absent row means the default.
 */
export const SETTINGS = {
  /** SSRF guard: allow monitors and webhooks to reach private, loopback and link-local addresses. */
  'network.allow_private_targets': { schema: z.boolean(), default: false },
  /** Raw production_metrics rows are kept this many days. */
  'metrics.retention_raw_days': { schema: z.number().int().min(1).max(90), default: 7 },
  'metrics.retention_1m_days': { schema: z.number().int().min(1).max(365), default: 30 },
  'metrics.retention_1h_days': { schema: z.number().int().min(30).max(3650), default: 400 },
  /** Audit log retention (PCI DSS 10.5.1 asks for at least 12 months). */
  'audit.retention_days': { schema: z.number().int().min(365).max(3650), default: 400 },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;
