import type { DbOrTx } from '../../db/types';
import { ServiceError } from '../errors/service-error';
import { checkTarget, systemResolver, type Resolver, type TargetProblem } from '../net/ssrf';
import { getSetting } from '../settings/settings';

/** The message key (under "errors") that explains each refusal in the form. */
export const TARGET_PROBLEM_MESSAGES: Record<TargetProblem, string> = {
  loopback: 'targetLoopback',
  private: 'targetPrivate',
  link_local: 'targetLinkLocal',
  unspecified: 'targetUnspecified',
  shared: 'targetShared',
  multicast: 'targetMulticast',
  reserved: 'targetReserved',
  invalid_url: 'monitorUrlInvalid',
  scheme: 'monitorUrlInvalid',
  credentials: 'monitorUrlCredentials',
  unresolvable: 'targetUnresolvable',
};

/** Save-time SSRF check of a monitor URL; throws a ServiceError on the url field saying why. */
export async function assertMonitorTarget(db: DbOrTx, url: string, resolve: Resolver = systemResolver): Promise<void> {
  const allowPrivate = await getSetting(db, 'network.allow_private_targets');
  const check = await checkTarget(url, { allowPrivate, resolve });
  if (!check.ok) throw new ServiceError('invalid', TARGET_PROBLEM_MESSAGES[check.problem], { field: 'url' });
}
