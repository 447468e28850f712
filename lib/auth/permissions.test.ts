import { describe, expect, it } from 'vitest';
import { can } from './permissions';

describe('can', () => {
  it('lets only admins manage users and read the audit log', () => {
    expect(can('admin', 'users.manage')).toBe(true);
    expect(can('analyst', 'users.manage')).toBe(false);
    expect(can('viewer', 'users.manage')).toBe(false);
    expect(can('viewer', 'audit.read')).toBe(false);
  });

  it('gives analysts analytics but not viewers', () => {
    expect(can('analyst', 'analytics.read')).toBe(true);
    expect(can('viewer', 'analytics.read')).toBe(false);
  });

  it('lets every role read the operational areas and update its own profile', () => {
    for (const role of ['admin', 'analyst', 'viewer'] as const) {
      expect(can(role, 'console.read')).toBe(true);
      expect(can(role, 'profile.update')).toBe(true);
    }
  });
});
