/**
 * Every audit action the console records, in one place. Adding a mutation means adding its
 * action here first; free strings are not accepted by recordAudit().
 */
export const AUDIT_ACTIONS = [
  'setup.admin_created',
  'setup.attempt_after_setup',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.locked_out',
  'auth.sign_out',
  'auth.permission_denied',
  'user.create',
  'user.role_change',
  'user.disable',
  'user.enable',
  'user.preferences_update',
  'job.run_manual',
  'settings.update',
  // Audit trail itself (issue 5): reading and exporting the log are data-access events.
  'audit.read',
  'audit.export',
  'audit.report',
  'audit.verify',
  'audit.retention',
  // Outside services and probes (issue 3): API keys, refused API requests, monitors.
  'api_key.create',
  'api_key.revoke',
  'api_key.denied',
  'monitor.create',
  'monitor.update',
  'monitor.enable',
  'monitor.disable',
  'monitor.delete',
  // Edge protection (issue 6): overrides, refusals (sampled), throttling, cache, quotas.
  'rate_limit.override_set',
  'rate_limit.override_remove',
  'rate_limit.refused',
  'throttle.tighten',
  'throttle.relax',
  'cache.purge',
  'quota.set',
  // Analytics (issue 7): saved funnels, admin reference data, exports of analytics tables.
  'funnel.create',
  'exchange_rates.import',
  'exchange_rate.set',
  'model_price.update',
  'analytics.export',
  // Alerting (issue 4): rules, channels, silences, alerts handled by hand.
  'alert_rule.create',
  'alert_rule.update',
  'alert_rule.delete',
  'alert_rule.enable',
  'alert_rule.disable',
  'channel.create',
  'channel.update',
  'channel.delete',
  'channel.enable',
  'channel.disable',
  'channel.test',
  'silence.create',
  'silence.cancel',
  'alert.acknowledge',
  'alert.resolve',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
