/**
 * Server actions that only read, so there is no change to record. A server action is a public
 * POST endpoint, and discovery cannot tell a read from a write, so each read-only one is named
 * here with the reason: adding one is a reviewed decision, like adding a case. Reading the audit
 * log itself is not one of these (it is audited).
 */
export const READ_ONLY_ACTIONS: Readonly<Record<string, string>> = {
  'app/[locale]/(console)/alerts/counts-action.ts#readOpenAlertCountsAction':
    "the header's periodic refresh of open-alert counts: requirePermission('console.read'), then a read",
};
