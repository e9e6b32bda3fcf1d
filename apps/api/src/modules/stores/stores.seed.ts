import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { RequestContext } from '../../common/request-context';
import type { AppConfig } from '../../config/config';
import type { Seeder } from '../../common/seeder';
import { seedQty } from '../catalog/catalog.seed';
import { Sku } from '../catalog/entities/sku.entity';
import { Shelf } from './entities/shelf.entity';
import { Store } from './entities/store.entity';
import { ShelfService } from './shelf.service';
import { StoreStockService } from './store-stock.service';
import { StoresService } from './stores.service';

interface SeedStore {
  name: string;
  address: string;
  lat: number;
  lng: number;
  openingHours: string;
  phone: string;
  shelves: { name: string; skuCodes: string[] }[];
}

const LIQUOR = [
  'BJ-MT-FT-500',
  'BJ-WLY-8-500',
  'BJ-GJ1573-500',
  'BJ-MZL-M6P-550',
  'BJ-FJ-QH20-500',
  'BJ-NLS-CN-500',
];
const WINE = ['HJ-PF-389-750', 'HJ-LF-CQ-750', 'HJ-CC-5X-750', 'HJ-ZY-JBN-750', 'HJ-HWDS-XL-750'];
const TEA = [
  'CY-XHLJ-MQ-125',
  'CY-AJBC-1-100',
  'CY-DHP-250',
  'CY-TGY-QX-250',
  'CY-PE-SB-357',
  'CY-QMHC-TJ-150',
];
const SNACKS = [
  'LS-SZSS-MRJG-750',
  'LS-BCW-XWYG-200',
  'LS-LPPZ-ZRF-200',
  'LS-ZWG-GD-LH',
  'LS-WL-DMJ-106X5',
  'LS-LS-SP-YW-135',
];

/** Three partner stores around 杭州 West Lake, each with liquor, wine, tea and snack shelves. */
export const SEED_STORES: SeedStore[] = [
  {
    name: '云货架·湖滨银泰店',
    address: '浙江省杭州市上城区延安路258号 湖滨银泰in77 B区1楼',
    lat: 30.2569,
    lng: 120.1651,
    openingHours: '10:00-22:00',
    phone: '0571-87001001',
    shelves: [
      { name: 'A1 名酒柜', skuCodes: LIQUOR },
      { name: 'A2 进口红酒', skuCodes: WINE },
      { name: 'B1 杭州好茶', skuCodes: TEA },
      { name: 'C1 休闲零食', skuCodes: SNACKS },
    ],
  },
  {
    name: '云货架·武林广场店',
    address: '浙江省杭州市拱墅区武林广场21号 杭州大厦旁',
    lat: 30.2741,
    lng: 120.1631,
    openingHours: '09:00-21:30',
    phone: '0571-87001002',
    shelves: [
      { name: 'A1 白酒', skuCodes: LIQUOR.slice(0, 4) },
      { name: 'B1 茶叶', skuCodes: TEA.slice(0, 4) },
      { name: 'C1 零食', skuCodes: SNACKS },
    ],
  },
  {
    name: '云货架·滨江星光店',
    address: '浙江省杭州市滨江区江南大道228号 星光大道一期',
    lat: 30.2093,
    lng: 120.2114,
    openingHours: '10:00-22:00',
    phone: '0571-87001003',
    shelves: [
      { name: 'A1 酒水', skuCodes: [...LIQUOR.slice(2), ...WINE.slice(2)] },
      { name: 'C1 零食', skuCodes: SNACKS.slice(0, 4) },
    ],
  },
];

/**
 * Idempotent: a store is known by its name, a shelf by (store, name). A new shelf
 * gets its slots, its scan code and some store stock for each slot's SKU.
 */
export const storesSeeder: Seeder = {
  name: 'stores',
  async run(app: INestApplicationContext, config: AppConfig): Promise<void> {
    const ctx = RequestContext.system('seed');
    const ds = app.get(DataSource);
    const stores = app.get(StoresService);
    const shelves = app.get(ShelfService);
    const stock = app.get(StoreStockService);
    for (const s of SEED_STORES) {
      const existing = await ds.getRepository(Store).findOneBy({ name: s.name });
      const storeId =
        existing?.id ??
        (
          await stores.create(ctx, {
            name: s.name,
            address: s.address,
            city: '杭州',
            lat: s.lat,
            lng: s.lng,
            openingHours: s.openingHours,
            phone: s.phone,
          })
        ).id;
      for (const [i, shelf] of s.shelves.entries()) {
        if (await ds.getRepository(Shelf).existsBy({ storeId, name: shelf.name })) continue;
        const skus = await ds.getRepository(Sku).findBy({ code: In(shelf.skuCodes) });
        const ordered = shelf.skuCodes
          .map((c) => skus.find((x) => x.code === c))
          .filter((x): x is Sku => !!x);
        if (!ordered.length) continue; // the catalog seed did not run
        const created = await shelves.create(ctx, storeId, { name: shelf.name, sortOrder: i });
        await shelves.replaceSlots(ctx, created.id, {
          slots: ordered.map((sku) => ({ productId: sku.productId, skuId: sku.id })),
        });
        for (const sku of ordered) {
          await stock.adjustStoreStock(ctx, storeId, sku.id, seedQty(`${s.name}${sku.code}`, 3, 20), {
            reason: 'initial',
            note: '演示数据',
          });
        }
      }
    }
    if (config.env !== 'test') {
      const [demo]: { code: string; store: string; shelf: string }[] = await ds.query(
        `SELECT c.code, st.name AS store, sh.name AS shelf FROM scan_code c
           JOIN store st ON st.id = c.store_id JOIN shelf sh ON sh.id = c.shelf_id
          WHERE c.status = 'active' AND c.slot_id IS NULL AND st.status = 'active'
          ORDER BY st.created_at, sh.sort_order, c.created_at LIMIT 1`,
      );
      if (demo) {
        console.log(
          `demo scan (${demo.store} · ${demo.shelf}): ${config.publicBaseUrl}/api/app/scan/${demo.code}`,
        );
      }
    }
  },
};
