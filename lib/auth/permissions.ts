import type { Role } from '../../db/schema';

/**
 * What each role may do, in one table. Pages, server actions and route handlers all ask
 * through requirePermission() (app/_server/session.ts); nothing compares role strings itself.
 *
 * - viewer: reads the operational areas (health, alerts, performance, cache, testing, jobs).
 * - analyst: a viewer who also reads analytics.
 * - admin: everything, including security findings, the audit log and settings.
 */
export const PERMISSIONS = {
  'console.read': ['admin', 'analyst', 'viewer'],
  'analytics.read': ['admin', 'analyst'],
  // Reference data the analytics figures depend on (exchange rates, model prices).
  'analytics.manage': ['admin'],
  'security.read': ['admin'],
  'audit.read': ['admin'],
  'jobs.run': ['admin'],
  'settings.read': ['admin'],
  'users.manage': ['admin'],
  'api_keys.manage': ['admin'],
  'monitors.manage': ['admin'],
  'performance.manage': ['admin'],
  'cache.manage': ['admin'],
  // Alerting (issue 4): rules, channels and silences are admin work; admins and analysts
  // on call acknowledge and resolve alerts.
  'alerts.manage': ['admin'],
  'alerts.respond': ['admin', 'analyst'],
  'profile.update': ['admin', 'analyst', 'viewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
