import type { ScanCodeDto } from './shelf.dto';
import { ScanCode } from '../entities/scan-code.entity';
import type { AdminStoreDto, StoreDto } from './store.dto';
import { Store } from '../entities/store.entity';

export function toScanCodeDto(c: ScanCode): ScanCodeDto {
  return {
    id: c.id,
    code: c.code,
    storeId: c.storeId,
    shelfId: c.shelfId,
    slotId: c.slotId,
    status: c.status,
    disabledAt: c.disabledAt?.toISOString() ?? null,
    replacedById: c.replacedById,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toStoreDto(s: Store): StoreDto {
  return {
    id: s.id,
    name: s.name,
    address: s.address,
    city: s.city,
    phone: s.phone,
    lat: s.lat,
    lng: s.lng,
    openingHours: s.openingHours,
    status: s.status,
  };
}

export function toAdminStoreDto(s: Store): AdminStoreDto {
  return {
    ...toStoreDto(s),
    ownerUserId: s.ownerUserId,
    agentUserId: s.agentUserId,
    guideRateBp: s.guideRateBp,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
