import type { CompletenessCase } from '../harness';
import { alertOpsCases } from './alert-ops';
import { alertRuleCases } from './alert-rules';
import { auditCases } from './audit';
import { edgeCases } from './edge';
import { healthAlertsAnalyticsCases } from './health-alerts-analytics';
import { jobCases } from './jobs';
import { shellCases } from './shell';
import { userCases } from './users';

/**
 * Every case, one per mutation entry point. A new server action or mutating route handler
 * needs a case here (in a file of its area) or the completeness test fails.
 */
export const CASES: readonly CompletenessCase[] = [...userCases, ...shellCases, ...jobCases, ...auditCases, ...edgeCases, ...healthAlertsAnalyticsCases, ...alertRuleCases, ...alertOpsCases];
