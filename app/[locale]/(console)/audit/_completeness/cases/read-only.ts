/**
 * Server actions that only read, so there is no change to record. A server action is a public
 * POST endpoint, and discovery cannot tell a read from a write, so each read-only one is named
 * here with the reason: adding one is a reviewed decision, like adding a case. Reading the audit
 * log itself is not one of these (it is audited).
 */
export const READ_ONLY_ACTIONS: Readonly<Record<string, string>> = {
  'app/[locale]/(console)/alerts/counts-action.ts#readOpenAlertCountsAction':
    "the header's periodic refresh of open-alert counts: requirePermission('console.read'), then a read",
  'app/[locale]/(console)/alerts/rules/preview-action.ts#previewRuleAction':
    "the rule editor's preview: requirePermission('alerts.manage'), then the unsaved rule replayed over 24 h of rollups (a read)",
};

/**
 * Route handlers that store machine-sent data rather than perform an action. A batch of
 * measurements or product events is data, like a log line: auditing each batch would bury the
 * trail (thousands of entries a minute) without telling an auditor anything. What matters for
 * security is recorded: every refused key or scope ('api_key.denied'), rate-limit refusals,
 * and the key's own lifecycle (create, revoke). Adding one here is a reviewed decision.
 */
export const DATA_INGEST_ROUTES: Readonly<Record<string, string>> = {
  'app/api/v1/metrics/route.ts#POST': 'metric points from outside services (API key, metrics:write); refusals audited as api_key.denied',
  'app/api/v1/events/route.ts#POST': 'product events from the app (API key, events:write); refusals audited as api_key.denied',
};
