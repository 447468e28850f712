import type { Permission } from '@/lib/auth/permissions';

/** Every area of the console, in navigation order, with the permission that opens it. */
export const AREAS = [
  { key: 'health', href: '/health', permission: 'console.read' },
  { key: 'alerts', href: '/alerts', permission: 'console.read' },
  { key: 'performance', href: '/performance', permission: 'console.read' },
  { key: 'cache', href: '/cache', permission: 'console.read' },
  { key: 'testing', href: '/testing', permission: 'console.read' },
  { key: 'security', href: '/security', permission: 'security.read' },
  { key: 'analytics', href: '/analytics', permission: 'analytics.read' },
  { key: 'audit', href: '/audit', permission: 'audit.read' },
  { key: 'jobs', href: '/jobs', permission: 'console.read' },
  { key: 'settings', href: '/settings', permission: 'settings.read' },
] as const satisfies ReadonlyArray<{ key: string; href: string; permission: Permission }>;

export type AreaKey = (typeof AREAS)[number]['key'];
