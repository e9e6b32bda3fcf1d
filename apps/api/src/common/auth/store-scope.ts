import type { RequestContext } from '../request-context';
import { STORE_SCOPED_ROLES, type AdminRole } from './permissions';

/**
 * The stores an admin actor is limited to, or null for no limit.
 *
 * Only an admin whose every role is store-scoped (today: `store_manager` alone)
 * is limited; holding any wider role (operator, finance, admin) lifts the limit,
 * as permissions add up across roles. Consumers, store staff in the mini-program
 * and the system are not limited here (their routes check ownership themselves).
 * A store manager with no stores sees nothing: the limit fails closed.
 *
 * The ids travel in the access token (`stores` claim, see TokenService); changing
 * an account's stores ends its sessions, like a change of roles.
 */
export function storeScope(ctx: RequestContext): readonly string[] | null {
  const actor = ctx.actor;
  if (actor?.kind !== 'admin') return null;
  const roles = actor.roles ?? [];
  if (!roles.length || !roles.every((r) => STORE_SCOPED_ROLES.has(r as AdminRole))) return null;
  return actor.storeIds ?? [];
}

/**
 * Whether the actor may see a row of this store. Rows of no store (a platform
 * order, a customer with no store lock) are outside every store manager's scope.
 * Callers answer "not found" when false, so other stores' ids are not revealed.
 */
export function inStoreScope(ctx: RequestContext, storeId: string | null | undefined): boolean {
  const scope = storeScope(ctx);
  return scope === null || (!!storeId && scope.includes(storeId));
}

/**
 * The stores a list may show when the caller may also filter by one store:
 * null for no store limit (then `requested`, if any, filters as usual), else the
 * scope narrowed to `requested`. An empty array means the list is empty.
 */
export function storeFilter(ctx: RequestContext, requested?: string | null): string[] | null {
  const scope = storeScope(ctx);
  if (scope === null) return requested ? [requested] : null;
  return scope.filter((id) => !requested || id === requested);
}
