import type { Settings } from '../settings/settings.defaults';

const DAY_MS = 86_400_000;

export type StoreLockDecision = 'lock' | 'renew' | 'move' | 'keep';

/**
 * SPEC §4 store lock. No active lock → lock. A scan of the locked store renews
 * the lock for another `storeLockDays`. Another store's scan moves it only under
 * `latest`; under `first` the active lock is kept.
 */
export function decideStoreLock(
  current: { storeId: string | null; expiresAt: Date | null },
  storeId: string,
  now: Date,
  policy: Settings['storeLockPolicy'],
): StoreLockDecision {
  const active = current.storeId !== null && current.expiresAt !== null && current.expiresAt > now;
  if (!active) return 'lock';
  if (current.storeId === storeId) return 'renew';
  return policy === 'latest' ? 'move' : 'keep';
}

export function storeLockExpiry(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

export type ReferrerDecision = 'bind' | 'move' | 'unchanged' | 'self' | 'keep' | 'not_new';

/**
 * SPEC §4 referrer. Never self. The same active referrer again changes nothing
 * (no renewal: the protection period runs from the first binding). With no
 * active referrer: `first` and `latest` bind; `newUsersOnly` binds only a
 * customer who never had a referrer. With another active referrer only `latest`
 * moves. Cycles are checked by the caller against the database.
 */
export function decideReferrer(
  current: { referrerId: string | null; expiresAt: Date | null; everReferred: boolean },
  customerId: string,
  resellerId: string,
  now: Date,
  policy: Settings['referralBindPolicy'],
): ReferrerDecision {
  if (customerId === resellerId) return 'self';
  const active = current.referrerId !== null && (current.expiresAt === null || current.expiresAt > now);
  if (active && current.referrerId === resellerId) return 'unchanged';
  if (policy === 'newUsersOnly') return current.everReferred || active ? 'not_new' : 'bind';
  if (!active) return 'bind';
  return policy === 'latest' ? 'move' : 'keep';
}

/** Null = forever (`referralBindDays` 0). */
export function referrerExpiry(now: Date, days: number): Date | null {
  return days === 0 ? null : new Date(now.getTime() + days * DAY_MS);
}
