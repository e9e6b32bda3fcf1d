/**
 * Admin roles and what each may do. Every /api/admin route declares one permission
 * with `@AdminRoute(permission)`; a role holds a set of permissions. Modules add
 * their permissions here so the whole matrix stays readable in one place.
 */
export const ADMIN_ROLES = ['admin', 'operator', 'finance', 'store_manager'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export const PERMISSIONS = [
  'catalog:read',
  'catalog:write',
  'stores:read',
  'stores:write',
  'customers:read',
  'bindings:write',
  'resellers:read',
  'resellers:write',
  'settings:read',
  'settings:write',
  'audit:read',
  'admins:write',
  'orders:read',
  'orders:write',
  'refunds:write',
  'finance:read',
  'withdrawals:approve',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READS: Permission[] = PERMISSIONS.filter((p) => p.endsWith(':read'));

export const ROLE_PERMISSIONS: Record<AdminRole, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  operator: new Set<Permission>([
    ...READS,
    'catalog:write',
    'stores:write',
    'bindings:write',
    'resellers:write',
    'orders:write',
    'refunds:write',
  ]),
  finance: new Set<Permission>([...READS, 'refunds:write', 'withdrawals:approve']),
  // Store managers are further limited to their own stores by the services they call.
  store_manager: new Set<Permission>([
    'catalog:read',
    'stores:read',
    'stores:write',
    'orders:read',
    'customers:read',
  ]),
};

export function rolesAllow(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r as AdminRole]?.has(permission));
}
