import { decideReferrer, decideStoreLock, referrerExpiry } from './binding.rules';

const now = new Date('2026-11-26T00:00:00Z');
const later = new Date('2026-12-26T00:00:00Z');
const earlier = new Date('2026-10-26T00:00:00Z');

describe('decideStoreLock', () => {
  it.each([
    ['no lock', null, null, 'first', 'lock'],
    ['expired lock elsewhere', 'B', earlier, 'first', 'lock'],
    ['same store', 'A', later, 'first', 'renew'],
    ['same store, latest', 'A', later, 'latest', 'renew'],
    ['other store, first', 'B', later, 'first', 'keep'],
    ['other store, latest', 'B', later, 'latest', 'move'],
  ] as const)('%s → %s', (_, storeId, expiresAt, policy, expected) => {
    expect(decideStoreLock({ storeId, expiresAt }, 'A', now, policy)).toBe(expected);
  });
});

describe('decideReferrer', () => {
  it.each([
    ['self', 'C', null, null, false, 'first', 'self'],
    ['none, first', 'R', null, null, false, 'first', 'bind'],
    ['same active', 'R', 'R', later, true, 'latest', 'unchanged'],
    ['same forever', 'R', 'R', null, true, 'first', 'unchanged'],
    ['other active, first', 'R', 'S', later, true, 'first', 'keep'],
    ['other forever, first', 'R', 'S', null, true, 'first', 'keep'],
    ['other active, latest', 'R', 'S', later, true, 'latest', 'move'],
    ['other expired, first', 'R', 'S', earlier, true, 'first', 'bind'],
    ['never referred, newUsersOnly', 'R', null, null, false, 'newUsersOnly', 'bind'],
    ['expired before, newUsersOnly', 'R', 'S', earlier, true, 'newUsersOnly', 'not_new'],
  ] as const)('%s → %s', (_, reseller, referrerId, expiresAt, everReferred, policy, expected) => {
    expect(decideReferrer({ referrerId, expiresAt, everReferred }, 'C', reseller, now, policy)).toBe(
      expected,
    );
  });

  it('binds forever when referralBindDays is 0', () => {
    expect(referrerExpiry(now, 0)).toBeNull();
    expect(referrerExpiry(now, 30)?.toISOString()).toBe('2026-12-26T00:00:00.000Z');
  });
});
