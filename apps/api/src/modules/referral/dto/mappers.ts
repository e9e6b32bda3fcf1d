import type { CustomerBindingsView } from '../customers.service';
import type { BindingEvent } from '../entities/binding-event.entity';
import type { ReferrerView } from '../referral-binding.service';
import type { ResellerView } from '../reseller.service';
import type { StoreLockView } from '../store-lock.service';
import type { BindingEventDto, CustomerDto, ReferrerDto, ResellerDto, StoreLockDto } from './referral.dto';

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export const toReferrerDto = (r: ReferrerView): ReferrerDto => ({
  referrerId: r.referrerId,
  boundAt: iso(r.boundAt),
  expiresAt: iso(r.expiresAt),
});

export const toStoreLockDto = (l: StoreLockView): StoreLockDto => ({
  storeId: l.storeId,
  lockedAt: iso(l.lockedAt),
  expiresAt: iso(l.expiresAt),
});

export const toResellerDto = (r: ResellerView): ResellerDto => ({
  userId: r.userId,
  nickname: r.nickname,
  avatarUrl: r.avatarUrl,
  uplineNickname: r.uplineNickname,
  status: r.status,
  uplineId: r.uplineId,
  appliedAt: iso(r.appliedAt)!,
  decidedAt: iso(r.decidedAt),
  rejectReason: r.rejectReason,
  revokedAt: iso(r.revokedAt),
  revokeReason: r.revokeReason,
});

export const toCustomerDto = (c: CustomerBindingsView): CustomerDto => ({
  userId: c.userId,
  nickname: c.nickname,
  phone: c.phone,
  storeId: c.storeId,
  storeName: c.storeName,
  storeLockExpiresAt: iso(c.storeLockExpiresAt),
  referrerId: c.referrerId,
  referrerNickname: c.referrerNickname,
  referrerExpiresAt: iso(c.referrerExpiresAt),
  createdAt: iso(c.createdAt)!,
});

export const toBindingEventDto = (e: BindingEvent): BindingEventDto => ({
  id: e.id,
  kind: e.kind,
  source: e.source,
  beforeId: e.beforeId,
  afterId: e.afterId,
  afterExpiresAt: iso(e.afterExpiresAt),
  ref: e.ref,
  actorId: e.actorId,
  reason: e.reason,
  createdAt: iso(e.createdAt)!,
});
