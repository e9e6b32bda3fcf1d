import { RequestContext } from '../../src/common/request-context';
import type { CreateStoreDto } from '../../src/modules/stores/dto/store.dto';
import { ShelfService } from '../../src/modules/stores/shelf.service';
import { StoreStockService } from '../../src/modules/stores/store-stock.service';
import { StoresService } from '../../src/modules/stores/stores.service';
import type { TestApp } from '../app';

const ctx = () => RequestContext.system('test-factory');

/** A store in 杭州 (西湖 by default). */
export async function newStore(t: TestApp, overrides: Partial<CreateStoreDto> = {}) {
  return t.app.get(StoresService).create(ctx(), {
    name: '测试门店',
    address: '杭州市西湖区测试路1号',
    city: '杭州',
    lat: 30.2592,
    lng: 120.1636,
    openingHours: '09:00-22:00',
    ...overrides,
  });
}

/** A shelf with these products in order (one slot each); returns the shelf with its code. */
export async function newShelf(t: TestApp, storeId: string, productIds: string[], name = 'A1 白酒柜') {
  const shelves = t.app.get(ShelfService);
  const shelf = await shelves.create(ctx(), storeId, { name });
  return shelves.replaceSlots(ctx(), shelf.id, { slots: productIds.map((productId) => ({ productId })) });
}

export async function putStoreStock(
  t: TestApp,
  storeId: string,
  skuId: string,
  qty: number,
): Promise<number> {
  return t.app.get(StoreStockService).adjustStoreStock(ctx(), storeId, skuId, qty, { reason: 'adjust' });
}
