import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity';
import { Category } from '../modules/catalog/entities/category.entity';
import { Product } from '../modules/catalog/entities/product.entity';
import { SkuStockMovement } from '../modules/catalog/entities/sku-stock-movement.entity';
import { Sku } from '../modules/catalog/entities/sku.entity';
import { QrImage } from '../modules/stores/entities/qr-image.entity';
import { ScanCode } from '../modules/stores/entities/scan-code.entity';
import { ScanLog } from '../modules/stores/entities/scan-log.entity';
import { ShelfSlot } from '../modules/stores/entities/shelf-slot.entity';
import { Shelf } from '../modules/stores/entities/shelf.entity';
import { StaffInvite } from '../modules/stores/entities/staff-invite.entity';
import { StoreMember } from '../modules/stores/entities/store-member.entity';
import { StoreStockMovement } from '../modules/stores/entities/store-stock-movement.entity';
import { StoreStock } from '../modules/stores/entities/store-stock.entity';
import { Store } from '../modules/stores/entities/store.entity';

/** Every entity of every module, in one list for the data source and the drift test. */
export const ENTITIES = [
  IdempotencyRecord,
  // catalog
  Category,
  Product,
  Sku,
  SkuStockMovement,
  // stores
  Store,
  StoreStock,
  StoreStockMovement,
  StoreMember,
  StaffInvite,
  Shelf,
  ShelfSlot,
  ScanCode,
  ScanLog,
  QrImage,
];
