/**
 * Admin roles and what each may do. Every /api/admin route declares one permission
 * with `@AdminRoute(permission)`; a role holds a set of permissions. Modules add
 * their permissions here so the whole matrix stays readable in one place.
 */
export const ADMIN_ROLES = ['admin', 'operator', 'finance', 'store_manager'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export const PERMISSIONS = [
  // Every admin: their own account (who am I, log out).
  'account:self',
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
  'finance:write',
  'withdrawals:approve',
  // Member levels, points, coupons and promotions.
  'marketing:read',
  'marketing:write',
  // Background jobs: see failed ones with their errors, retry them.
  'jobs:read',
  'jobs:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READS: Permission[] = PERMISSIONS.filter((p) => p.endsWith(':read'));
/** `admins:write` (managing admin accounts, which includes listing them) stays with `admin` alone. */

export const ROLE_PERMISSIONS: Record<AdminRole, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  operator: new Set<Permission>([
    'account:self',
    ...READS,
    'catalog:write',
    'stores:write',
    'bindings:write',
    'resellers:write',
    'orders:write',
    'refunds:write',
    'jobs:write',
    'marketing:write',
  ]),
  finance: new Set<Permission>([
    'account:self',
    ...READS,
    'refunds:write',
    'withdrawals:approve',
    'finance:write',
  ]),
  // Store managers are further limited to the stores on their account (store-scope.ts).
  store_manager: new Set<Permission>([
    'account:self',
    'catalog:read',
    'stores:read',
    'stores:write',
    'orders:read',
    'customers:read',
  ]),
};

/** Roles limited to the stores on their account (see store-scope.ts). */
export const STORE_SCOPED_ROLES: ReadonlySet<AdminRole> = new Set<AdminRole>(['store_manager']);

export function rolesAllow(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r as AdminRole]?.has(permission));
}
